using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// Traces and metrics through OpenTelemetry, sent by OTLP to the collector that <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names
/// (ADR 0022). Without that setting nothing is registered at all: no provider listens, so the app's own activity sources
/// and meters cost a check each. Requests are named by their route template, SQL carries no parameter values, and every
/// span keeps only the attributes listed in <see cref="TelemetryScrubber"/>; logs are not sent this way (Serilog keeps them).
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The standard variable every OpenTelemetry SDK reads; also read from any other configuration source.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The app's own activity sources and meters, one per feature (<c>IncidentResponse.Binder</c>, …).</summary>
    public const string OwnSources = "IncidentResponse.*";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("IncidentResponse"))
            .WithTracing(tracing => tracing
                .AddSource(OwnSources)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.RecordException = false;
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);

                    // A caller's trace state is its own business: it is not carried on into our spans.
                    options.EnrichWithHttpRequest = (activity, _) => activity.TraceStateString = null;
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddProcessor(new TelemetryScrubber())
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(OwnSources)
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "System.Runtime")
                .AddOtlpExporter());
    }
}

/// <summary>
/// Runs on every span as it ends, before any exporter sees it: keeps only the attributes named here (the route template,
/// the method, the status, the SQL text EF wrote with its parameters as placeholders, our own counts and phases) and
/// drops the rest: the path, the query, the user agent, the host and client addresses, anything a library adds later.
/// A span's error description goes too (a database error can quote what it refused).
/// </summary>
public sealed class TelemetryScrubber : BaseProcessor<Activity>
{
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "http.request.method", "http.response.status_code", "http.route", "url.scheme", "network.protocol.version", "error.type",
        "db.system", "db.system.name", "db.namespace", "db.operation.name", "db.collection.name", "db.query.summary", "db.query.text",
        "db.response.status_code",

        // The same, as EF's instrumentation names them unless OTEL_SEMCONV_STABILITY_OPT_IN=database.
        "db.name", "db.statement",
    };

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        List<string>? dropped = null;
        foreach (var tag in data.TagObjects)
        {
            if (!Kept.Contains(tag.Key) && !tag.Key.StartsWith("incidentresponse.", StringComparison.Ordinal))
            {
                (dropped ??= []).Add(tag.Key);
            }
        }

        foreach (var key in dropped ?? [])
        {
            data.SetTag(key, null);
        }

        if (data.Status == ActivityStatusCode.Error && data.StatusDescription is not null)
        {
            data.SetStatus(ActivityStatusCode.Error);
        }
    }
}
