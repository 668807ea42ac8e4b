using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Languages;
using IncidentResponse.Web.Operator;
using IncidentResponse.Web.Pages.Cases.Binder;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Pages.Cases.Incidents;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Pages.Cases.Takedowns;
using IncidentResponse.Web.Security;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// The composition root: what the app is made of, one line per room and one per feature (ADR 0018). Each registers
/// its own services in its own folder. Hosted services start in the order added: the database migrator
/// (<see cref="OperatorServices.AddOperator"/>) before the evidence sweep (<see cref="EvidenceServices.AddEvidence"/>).
/// </summary>
public static class ServiceRegistration
{
    public static AppOptions AddIncidentResponse(this WebApplicationBuilder builder)
    {
        var options = AppOptions.From(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(options.DataDirectory);
        builder.AddAppLogging();
        builder.AddTelemetry();
        builder.AddWebServer(options);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddPersistence(options);
        services.AddOperator();
        services.AddSecurity(builder.Configuration, builder.Environment, options);
        services.AddAccounts(options, builder.Environment);
        services.AddCases();
        services.AddPages(options);
        services.AddLanguages(options);
        services.AddDocuments(builder.Configuration);

        // The features, in the order of the survivor's journey.
        services.AddSafety();
        services.AddIncidents();
        services.AddEvidence(options.DataDirectory);
        services.AddTakedowns(builder.Configuration);
        services.AddExport();
        services.AddBinder(builder.Configuration);
        return options;
    }

    /// <summary>Documents printed by Chromium (letters and the binder): one warm browser for the whole app, started on first use.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new DocumentHtmlRenderer(sp.GetRequiredService<ILoggerFactory>()));
        // A binder of a few hundred screenshots takes over a minute to load on a small machine (see docs/performance.md).
        services.AddSingleton(sp => new ChromiumPdfPrinter(
            new ChromiumPdfPrinterOptions
            {
                ExecutablePath = configuration["Binder:ChromiumPath"] ?? ChromiumPdfPrinterOptions.DebianChromiumPath,
                RenderTimeout = TimeSpan.FromMinutes(5),
                PicturesPerPart = configuration.GetValue("Binder:PicturesPerPart", 20),
            },
            sp.GetRequiredService<ILogger<ChromiumPdfPrinter>>()));
        return services;
    }
}
