using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// Serilog through Microsoft.Extensions.Logging (TOOLCHAIN: Serilog.AspNetCore is not served). Console as text, or JSON
/// with <c>Logging:Format=json</c>; a file as well with <c>Logging:FilePath</c>.
/// </summary>
public static class LoggingSetup
{
    public static void AddAppLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration)
            .Enrich.With<DropRequestAddress>();
        var json = string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        logger = json
            ? logger.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : logger.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        var filePath = configuration["Logging:FilePath"];
        if (!string.IsNullOrWhiteSpace(filePath))
        {
            logger = json
                ? logger.WriteTo.File(new JsonFormatter(renderMessage: true), filePath)
                : logger.WriteTo.File(filePath, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);

        // The framework's own request lines carry the full address and query string; ours log the route template only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
    }

    /// <summary>
    /// ASP.NET Core's logging scope adds the raw request path to every event; a path names a case, so it is dropped.
    /// Our request log line carries the route template instead.
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
