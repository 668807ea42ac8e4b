using System.Globalization;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// Serilog through Serilog.AspNetCore (ADR 0019): levels from the <c>Serilog</c> section, the console as text or, with
/// <c>Logging:Format=json</c>, compact JSON; a rolling, bounded file as well with <c>Logging:FilePath</c>. One line per
/// request from <c>UseSerilogRequestLogging</c>, naming the route template, never the address or its query string.
/// </summary>
public static class LoggingSetup
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void AddAppLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();

        // Our own logger, not the static Log.Logger (several apps share one test process); other ILoggerProviders
        // (the tests' capture) still receive every event, after the address has been dropped.
        builder.Services.AddSerilog(
            (_, logger) => Configure(logger, builder.Configuration),
            preserveStaticLogger: true,
            writeToProviders: true);
    }

    /// <summary>Replaces ASP.NET Core's request lines: method, route template, status and time, nothing else.</summary>
    public static IApplicationBuilder UseAppRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {Route:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("Route", RouteOf(context));
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });

    /// <summary>The matched endpoint's template (<c>/cases/{caseId:guid}</c>), never the path that filled it in.</summary>
    internal static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : "(static or unmatched)";

    internal static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration)
    {
        logger.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<DropRequestAddress>()

            // The framework's own request lines carry the full address and query string, whatever the levels say.
            .Filter.ByExcluding(e => e.Level < LogEventLevel.Warning && IsFrom(e, "Microsoft.AspNetCore.Hosting.Diagnostics"));
        var json = string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);

        // Logging:ConsoleMinimumLevel raises the console's own floor above the levels (the file keeps everything they
        // let through): the tests' hosts set Warning, since no test reads the console and every host writing each SQL
        // command to one shared, locked console cost them more than their requests did.
        var consoleLevel = configuration.GetValue("Logging:ConsoleMinimumLevel", LogEventLevel.Verbose);

        // Console and file are written by one background thread (Serilog.Sinks.Async): a request only queues its line.
        // Written in place, every request took the console's lock and a write to stdout, and under load the requests
        // queued on that lock (a quarter of a signed-in request's time; docs/performance.md). A full queue makes the
        // request wait rather than drop a line; the app's shutdown flushes the queue.
        logger.WriteTo.Async(sinks => WriteToConsoleAndFile(sinks, configuration, json, consoleLevel), blockWhenFull: true);
        return logger;
    }

    private static void WriteToConsoleAndFile(LoggerSinkConfiguration logger, IConfiguration configuration, bool json, LogEventLevel consoleLevel)
    {
        if (json)
        {
            logger.Console(new RenderedCompactJsonFormatter(), restrictedToMinimumLevel: consoleLevel);
        }
        else
        {
            logger.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture, restrictedToMinimumLevel: consoleLevel);
        }

        var filePath = configuration["Logging:FilePath"];
        if (!string.IsNullOrWhiteSpace(filePath))
        {
            var limits = FileLimits.From(configuration);
            if (json)
            {
                logger.File(
                    new RenderedCompactJsonFormatter(),
                    filePath,
                    fileSizeLimitBytes: limits.FileSizeBytes,
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: limits.RetainedFiles);
            }
            else
            {
                logger.File(
                    filePath,
                    outputTemplate: TextTemplate,
                    formatProvider: CultureInfo.InvariantCulture,
                    fileSizeLimitBytes: limits.FileSizeBytes,
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: limits.RetainedFiles);
            }
        }
    }

    /// <summary>
    /// The log file rolls to <c>name_001.log</c>, <c>name_002.log</c>, … once it reaches <c>Logging:FileSizeLimitBytes</c>
    /// (50 MB), and only the newest <c>Logging:RetainedFiles</c> (10) are kept: at most about 500 MB on disk.
    /// </summary>
    internal sealed record FileLimits(long FileSizeBytes, int RetainedFiles)
    {
        public static FileLimits From(IConfiguration configuration) => new(
            configuration.GetValue("Logging:FileSizeLimitBytes", 50L * 1024 * 1024),
            configuration.GetValue("Logging:RetainedFiles", 10));
    }

    private static bool IsFrom(LogEvent logEvent, string source) =>
        logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var value)
        && value is ScalarValue { Value: string name }
        && name.StartsWith(source, StringComparison.Ordinal);

    /// <summary>
    /// ASP.NET Core's logging scope adds the raw request path to every event; a path names a case, so it is dropped.
    /// The request log line carries the route template instead.
    /// </summary>
    private sealed class DropRequestAddress : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            logEvent.RemovePropertyIfPresent("RequestPath");
            logEvent.RemovePropertyIfPresent("Path");
            logEvent.RemovePropertyIfPresent("QueryString");
        }
    }
}
