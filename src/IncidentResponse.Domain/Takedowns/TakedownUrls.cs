namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Cleans a list of addresses for a letter: keeps absolute http and https addresses, trims them, drops repeats (the
/// same address ignoring the case of the scheme and host, a trailing slash and a #fragment), and says what was dropped
/// and why, so the page can tell the person.
/// </summary>
public static class TakedownUrls
{
    public static UrlCleanResult Clean(IEnumerable<string?> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var kept = new List<string>();
        var dropped = new List<DroppedUrl>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var original in urls)
        {
            var trimmed = original?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                dropped.Add(new DroppedUrl(original ?? "", UrlDropReason.Empty));
                continue;
            }

            if (trimmed.Any(char.IsWhiteSpace) || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
            {
                dropped.Add(new DroppedUrl(original!, UrlDropReason.NotAnAddress));
                continue;
            }

            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            {
                dropped.Add(new DroppedUrl(original!, UrlDropReason.NotHttpOrHttps));
                continue;
            }

            if (string.IsNullOrEmpty(uri.Host))
            {
                dropped.Add(new DroppedUrl(original!, UrlDropReason.NotAnAddress));
                continue;
            }

            if (!seen.Add(Key(uri)))
            {
                dropped.Add(new DroppedUrl(original!, UrlDropReason.Duplicate));
                continue;
            }

            kept.Add(trimmed);
        }

        return new UrlCleanResult(kept, dropped);
    }

    private static string Key(Uri uri)
    {
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        return uri.Scheme + "://" + uri.Authority.ToLowerInvariant() + path + uri.Query;
    }
}

/// <summary>The addresses kept, in their first order, and those dropped with the reason.</summary>
public sealed record UrlCleanResult(IReadOnlyList<string> Kept, IReadOnlyList<DroppedUrl> Dropped);

public sealed record DroppedUrl(string Original, UrlDropReason Reason);

public enum UrlDropReason
{
    Empty = 1,
    NotAnAddress = 2,
    NotHttpOrHttps = 3,
    Duplicate = 4,
}
