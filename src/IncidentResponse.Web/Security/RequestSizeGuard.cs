using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Refuses a request body larger than its endpoint allows (<c>Security:MaxFormBodyBytes</c> unless the page declares a
/// larger <c>[RequestSizeLimit]</c>) before anything reads it, whichever server is in front. The status page then
/// explains it kindly. Kestrel enforces the same limit on bodies without a declared length.
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next, AppOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxFormBodyBytes;
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
