using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Pages.Cases.Binder;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Pages.Cases.Incidents;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Operator;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Pages.Cases.Takedowns;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// The composition root: what the app is made of, one line per room. Each room registers its own services in its own
/// folder; the features' lines are in the marked block until each feature has its <c>Add&lt;Feature&gt;()</c>.
/// </summary>
public static class ServiceRegistration
{
    public static AppOptions AddIncidentResponse(this WebApplicationBuilder builder)
    {
        var options = AppOptions.From(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(options.DataDirectory);
        builder.AddAppLogging();
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
        AddFeatures(builder, options);
        return options;
    }

    /// <summary>The features' own services: each feature moves its lines into its folder's <c>Add&lt;Feature&gt;()</c>.</summary>
    private static void AddFeatures(WebApplicationBuilder builder, AppOptions options)
    {
        var services = builder.Services;

        // ---- Features (binder, export, evidence, incidents, takedowns, allies, safety) ----
        services.AddSafety();
        services.AddTakedowns();

        // Documents printed by Chromium: one warm browser for the whole app, started on first use.
        services.AddSingleton(sp => new DocumentHtmlRenderer(sp.GetRequiredService<ILoggerFactory>()));
        // A binder of a few hundred screenshots takes over a minute to load on a small machine (see docs/performance.md).
        services.AddSingleton(sp => new ChromiumPdfPrinter(
            new ChromiumPdfPrinterOptions
            {
                ExecutablePath = builder.Configuration["Binder:ChromiumPath"] ?? ChromiumPdfPrinterOptions.DebianChromiumPath,
                RenderTimeout = TimeSpan.FromMinutes(5),
            },
            sp.GetRequiredService<ILogger<ChromiumPdfPrinter>>()));

        services.AddEvidence(options.DataDirectory);
        services.AddIncidents();

        services.AddExport();
        services.AddBinder(builder.Configuration);
        // ---- End of features ----
    }
}
