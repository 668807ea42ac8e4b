namespace IncidentResponse.Domain.Incidents;

/// <summary>A web address a survivor gives us: http or https only, with a key that says when two are the same place.</summary>
public static class WebAddress
{
    public const int MaxLength = 2048;

    /// <summary>True for an absolute http(s) address with a host, within <see cref="MaxLength"/>.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    public static bool TryParse(string? text, out Uri uri, out string key)
    {
        uri = null!;
        key = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(parsed.Host))
        {
            return false;
        }

        uri = parsed;
        key = KeyOf(parsed);
        return true;
    }

    /// <summary>
    /// The same place written differently gets the same key: scheme and host in lower case, default port dropped, a
    /// trailing slash on the path dropped. Path, query and fragment otherwise stay as typed (paths are case-sensitive
    /// on many sites).
    /// </summary>
    public static string KeyOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.AbsolutePath.TrimEnd('/');
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.IdnHost.ToLowerInvariant()}{port}{path}{uri.Query}{uri.Fragment}";
    }
}
