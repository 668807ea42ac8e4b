namespace IncidentResponse.Domain.Incidents;

public enum UrlRejection
{
    NotAWebAddress,
    NotHttp,
    TooLong,
    Duplicate,
}

/// <summary>One address accepted from a pasted list, as typed, with its key and the platform it belongs to.</summary>
public sealed record AcceptedUrl(string Url, string Key, string Platform);

/// <summary>One piece of a pasted list that was not taken, and why.</summary>
public sealed record RejectedUrl(string Text, UrlRejection Reason);

public sealed record UrlListResult(IReadOnlyList<AcceptedUrl> Accepted, IReadOnlyList<RejectedUrl> Rejected);

/// <summary>Turns pasted text into web addresses: one per line, or separated by spaces or commas.</summary>
public static class UrlList
{
    public const int MaxEntries = 500;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ','];

    public static UrlListResult Parse(string? text)
    {
        var accepted = new List<AcceptedUrl>();
        var rejected = new List<RejectedUrl>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (piece.Length > WebAddress.MaxLength)
            {
                rejected.Add(new RejectedUrl(piece, UrlRejection.TooLong));
            }
            else if (WebAddress.TryParse(piece, out var uri, out var key))
            {
                if (seen.Add(key))
                {
                    accepted.Add(new AcceptedUrl(piece, key, Platforms.FromHost(uri.Host)));
                }
                else
                {
                    rejected.Add(new RejectedUrl(piece, UrlRejection.Duplicate));
                }
            }
            else
            {
                var looksLikeOtherScheme = Uri.TryCreate(piece, UriKind.Absolute, out var other) && !string.IsNullOrEmpty(other.Scheme)
                    && piece.Contains(':', StringComparison.Ordinal);
                rejected.Add(new RejectedUrl(piece, looksLikeOtherScheme ? UrlRejection.NotHttp : UrlRejection.NotAWebAddress));
            }
        }

        return new UrlListResult(accepted, rejected);
    }

    /// <summary>Plain words for why an address was skipped.</summary>
    public static string Explain(UrlRejection reason) => reason switch
    {
        UrlRejection.NotHttp => "only web addresses starting with http:// or https:// can be kept",
        UrlRejection.TooLong => "it is longer than a web address can be",
        UrlRejection.Duplicate => "it is already in the list",
        _ => "it doesn't look like a web address",
    };
}
