using IncidentResponse.Documents.Pdf;
using IncidentResponse.Web.Pages.Cases.Export;

namespace IncidentResponse.Web.Pages.Cases.Binder;

public static class BinderServices
{
    /// <summary>
    /// The evidence binder: its builder, checks, pictures and printer, poppler's first-page drawer
    /// (<c>Binder:PdftoppmPath</c>), and <c>binder.pdf</c> in "Download everything". The Chromium printer it prints with
    /// is shared with the letters and registered by the composition root.
    /// </summary>
    public static IServiceCollection AddBinder(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<BinderBuilder>();
        services.AddScoped<BinderPrinter>();
        services.AddScoped<ExhibitCheck>();
        services.AddScoped<ExhibitPictures>();
        services.AddSingleton(sp => new PdfFirstPage(
            configuration["Binder:PdftoppmPath"] ?? PdfFirstPage.DebianPath,
            sp.GetRequiredService<ILogger<PdfFirstPage>>()));
        services.AddScoped<ICaseExportPart, BinderExportPart>();
        return services;
    }
}
