namespace IncidentResponse.Documents;

/// <summary>
/// Addresses for the pictures a document shows. They live under an origin that does not exist
/// (<c>https://binder.invalid</c>, reserved by RFC 2606), so nothing can fetch them from a network: the PDF printer
/// answers them itself from a callback, and a browser-printable view must answer them from its own endpoint.
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
    public static bool TryGetResourceName(string url, out string resourceName)
    {
        resourceName = "";
        if (!url.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var path = url[Prefix.Length..];
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
