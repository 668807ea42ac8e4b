using System.Diagnostics;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// One line per request: method, the route's template (never the raw path or query string), status and time.
/// Bodies, form values and headers are never logged.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : "(static or unmatched)";
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation(
                "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method,
                route,
                context.Response.StatusCode,
                elapsed);
        }
    }
}
