namespace IncidentResponse.Web.Pages.Cases.Export;

public static class ExportServices
{
    /// <summary>
    /// "Download everything" (issue 6) and the case reader it shares with the binder. Further files join the ZIP by
    /// registering an <see cref="ICaseExportPart"/> (the binder adds <c>binder.pdf</c>).
    /// </summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseJson>();
        services.AddScoped<CaseExporter>();
        services.AddScoped<ExportDownload>();
        return services;
    }
}
