using IncidentResponse.Documents.Pdf;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Pages.Cases.Export;

namespace IncidentResponse.Web.Pages.Cases.Binder;

public static class BinderServices
{
    /// <summary>
    /// The evidence binder: its builder, checks, pictures and printer, poppler's first-page drawer
    /// (<c>Binder:PdftoppmPath</c>), and <c>binder.pdf</c> in "Download everything". The Chromium printer it prints with
    /// is shared with the letters and registered by the composition root. A binder PDF is a job (ADR 0024): its runner
    /// starts after the database migrator, its sealed PDFs live in <c>binders/</c> under the data directory.
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
        services.AddSingleton(sp => new BinderJobFiles(Path.Combine(sp.GetRequiredService<AppOptions>().DataDirectory, "binders")));
        services.AddSingleton<BinderJobSignal>();
        services.AddSingleton<BinderJobCleanup>();
        services.AddScoped<BinderJobs>();
        services.AddScoped<BinderJobWork>();
        services.AddHostedService<BinderJobRunner>();
        return services;
    }
}
