using System.Security.Cryptography;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Headers every response carries: a nonce-based Content-Security-Policy, no referrer, no framing, no sniffing,
/// no powerful features, and <c>Cache-Control: no-store</c> on everything that is not a fingerprinted static file.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceKey = "csp-nonce";
    private const string StyleHashKey = "csp-style-hash";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var styleHash = context.Items[StyleHashKey] is string hash ? $" 'sha256-{hash}'" : "";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'{styleHash}; img-src 'self' data: blob:; "
                + "font-src 'self'; connect-src 'self'; media-src 'self' blob:; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] =
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Allows this one response a single inline <c>&lt;style&gt;</c> element with exactly <paramref name="css"/> as its
    /// text (by its SHA-256 in the policy), for a self-contained document such as the printable binder.
    /// </summary>
    public static void AllowInlineStyle(HttpContext context, string css)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(css);
        context.Items[StyleHashKey] = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)));
    }

    public static string NonceFor(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("The security headers middleware did not run.");
}

public static class CspNonceExtensions
{
    /// <summary>The nonce this response's Content-Security-Policy allows scripts with.</summary>
    public static string CspNonce(this HttpContext context) => SecurityHeadersMiddleware.NonceFor(context);
}
