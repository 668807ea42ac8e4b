using IncidentResponse.Web.Languages;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IncidentResponse.Web.Hosting;

public static class Pipeline
{
    public static WebApplication UseIncidentResponse(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            AllowStatusCode404Response = true,
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException => StatusCodes.Status413PayloadTooLarge,
                _ when DatabaseFaults.IsUnavailable(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = files =>
            {
                // Files are linked with a content hash (asp-append-version), so a browser may keep them.
                files.Context.Response.Headers.CacheControl = files.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        // Before routing, so the error and status pages re-executed through the pipeline speak the person's language too.
        app.UseLanguages();
        app.UseRouting();
        app.UseAppRequestLogging();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseMiddleware<NulCharacterFilter>();
        app.UseAuthentication();
        // After authentication, so a limit can count against the signed-in person rather than the address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
