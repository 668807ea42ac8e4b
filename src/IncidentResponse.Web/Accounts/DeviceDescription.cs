using IncidentResponse.Web.Pages.Account;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Accounts;

/// <summary>"Firefox on Android": enough to recognise one's own devices in the session list, and nothing more.</summary>
public static class DeviceDescription
{
    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        var browser = Contains(userAgent, "Edg/") ? "Edge"
            : Contains(userAgent, "OPR/") ? "Opera"
            : Contains(userAgent, "Firefox/") ? "Firefox"
            : Contains(userAgent, "Chrome/") || Contains(userAgent, "Chromium/") ? "Chrome"
            : Contains(userAgent, "Safari/") ? "Safari"
            : "Browser";
        var system = Contains(userAgent, "Android") ? "Android"
            : Contains(userAgent, "iPhone") || Contains(userAgent, "iPad") ? "iPhone or iPad"
            : Contains(userAgent, "Windows") ? "Windows"
            : Contains(userAgent, "Mac OS X") ? "Mac"
            : Contains(userAgent, "CrOS") ? "ChromeOS"
            : Contains(userAgent, "Linux") ? "Linux"
            : "an unknown system";
        return $"{browser} on {system}";
    }

    /// <summary>
    /// A description kept in English (as <see cref="From"/> made it) in the page's language: the browser and system
    /// names stay, the words around them are translated. Anything else is shown as it was kept.
    /// </summary>
    public static string InLanguage(string description, IStringLocalizer<AccountText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (description == "Unknown browser")
        {
            return text["Device.UnknownBrowser"];
        }

        var at = description.IndexOf(" on ", StringComparison.Ordinal);
        if (at <= 0)
        {
            return description;
        }

        var browser = description[..at];
        var system = description[(at + 4)..];
        return text["Device.On", browser == "Browser" ? text["Device.Browser"].Value : browser, system switch
        {
            "iPhone or iPad" => text["Device.IPhoneOrIPad"].Value,
            "an unknown system" => text["Device.UnknownSystem"].Value,
            _ => system,
        }];
    }

    private static bool Contains(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);
}
