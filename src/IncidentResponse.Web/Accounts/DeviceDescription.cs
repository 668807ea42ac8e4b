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

    private static bool Contains(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);
}
