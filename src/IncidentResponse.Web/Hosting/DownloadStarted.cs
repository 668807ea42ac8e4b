using System.Text.RegularExpressions;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// Tells the page that asked for a long download (the binder's PDF, "Download everything") that it has started, so its
/// "Preparing…" note can clear (wwwroot/js/preparing.js): the form carries a random token the script made, and the
/// download's response sets a short-lived cookie holding it, which the script watches for. The cookie says only that
/// some download began: no case, no name. Without the script no token is sent and nothing is set.
/// </summary>
public static partial class DownloadStarted
{
    /// <summary>The form field the script fills with its token.</summary>
    public const string TokenField = "DownloadToken";

    /// <summary>The cookie's name: host-only and HTTPS-only where cookies require HTTPS, as the app's own cookies are.</summary>
    public static string CookieName(AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CookiesRequireHttps ? "__Host-ir-download" : "ir-download";
    }

    /// <summary>Sets the cookie on this response when the request carried a well-formed token; call before the body is written.</summary>
    public static void Tell(HttpContext context, AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!context.Request.HasFormContentType
            || context.Request.Form[TokenField].ToString() is not { } token
            || !WellFormed().IsMatch(token))
        {
            return;
        }

        context.Response.Cookies.Append(CookieName(options), token, new CookieOptions
        {
            Path = "/",
            Secure = options.CookiesRequireHttps || context.Request.IsHttps,
            // Read by the page's own script, which is all it is for; it holds nothing but the script's random token.
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            MaxAge = TimeSpan.FromMinutes(1),
            IsEssential = true,
        });
    }

    [GeneratedRegex("^[A-Za-z0-9]{16,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
