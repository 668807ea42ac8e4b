namespace IncidentResponse.Documents;

/// <summary>
/// Addresses for the pictures a document shows: a prefix followed by the resource name. The PDF printer hands each print
/// its own prefix on its loopback picture server (ADR 0023), and a browser-printable view uses the app's own authorised
/// endpoint. The default, <see cref="Prefix"/>, lives under an origin that does not exist (<c>https://binder.invalid</c>,
/// reserved by RFC 2606): HTML rendered with it shows no picture anywhere.
/// </summary>
public static class DocumentResources
{
    public const string Origin = "https://binder.invalid";
    public const string Prefix = Origin + "/resource/";

    /// <summary>The address of a resource name such as <c>exhibit/3</c>; each segment is escaped.</summary>
    public static string UrlFor(string resourceName) => UrlFor(resourceName, Prefix);

    /// <summary>
    /// The address of a resource name under another prefix, such as the web app's own authorised endpoint for a
    /// browser-printable view (<c>/cases/…/binder/resource/</c>); each segment is escaped.
    /// </summary>
    public static string UrlFor(string resourceName, string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return prefix + string.Join('/', resourceName.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>The resource name an address stands for, or false when the address is not one of ours.</summary>
    public static bool TryGetResourceName(string url, out string resourceName) => TryGetResourceName(url, Prefix, out resourceName);

    /// <summary>The resource name an address under <paramref name="prefix"/> stands for, or false when it is not under it.</summary>
    public static bool TryGetResourceName(string url, string prefix, out string resourceName)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        resourceName = "";
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var path = url[prefix.Length..];
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path[..end];
        }

        if (path.Length == 0)
        {
            return false;
        }

        resourceName = string.Join('/', path.Split('/').Select(Uri.UnescapeDataString));
        return true;
    }
}
