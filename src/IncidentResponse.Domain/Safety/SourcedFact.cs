using System.Globalization;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// A fact in a content file: the page it is checked against, and either the date it was last checked on that page or
/// <see cref="NeedsReview"/> (not yet checked, and then no date: a fact nobody has read is never stamped as checked).
/// </summary>
public interface ISourcedFact
{
    string SourceUrl { get; }

    /// <summary>ISO <c>yyyy-MM-dd</c>; empty while <see cref="NeedsReview"/> is true.</summary>
    string LastVerified { get; }

    bool NeedsReview { get; }
}

/// <summary>One fact of a content file, named by a key a person can find in the file.</summary>
public sealed record FactEntry(string File, string Key, ISourcedFact Fact);

/// <summary>Reading the verification state of sourced facts, the same way on every page and in the operator command.</summary>
public static class SourcedFacts
{
    private static readonly string[] SelfHosts = ["github.com", "githubusercontent.com", "gitlab.com", "bitbucket.org"];

    /// <summary>The date the fact was checked, or null when it is not yet checked (or its date cannot be read).</summary>
    public static DateOnly? CheckedOn(ISourcedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return !fact.NeedsReview
            && DateOnly.TryParseExact(fact.LastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>What a person sees beside the fact: "Checked on 21 November 2026" or "Not yet checked".</summary>
    public static string CheckedLabel(ISourcedFact fact) =>
        CheckedOn(fact) is { } date
            ? "Checked on " + date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : "Not yet checked";

    /// <summary>True when the fact is not yet checked, or was last checked more than <paramref name="days"/> days before today.</summary>
    public static bool IsStale(ISourcedFact fact, DateOnly today, int days) =>
        CheckedOn(fact) is not { } date || date.AddDays(days) < today;

    /// <summary>Every sourced fact of a pack, keyed by its place in the file and the organisation's name.</summary>
    public static IEnumerable<FactEntry> Of(JurisdictionPack pack, string file)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (pack.EmergencyNumber is { } emergency)
        {
            yield return new FactEntry(file, "emergencyNumber", emergency);
        }

        foreach (var (list, routes) in new[]
                 {
                     ("helplines", pack.Helplines), ("reportingRoutes", pack.ReportingRoutes), ("underEighteenRoutes", pack.UnderEighteenRoutes),
                     ("extortionRoutes", pack.ExtortionRoutes), ("underEighteenExtortionRoutes", pack.UnderEighteenExtortionRoutes),
                     ("crisisLines", pack.CrisisLines),
                     ("sexualAssaultSupport", pack.SexualAssaultSupport),
                 })
        {
            for (var i = 0; i < (routes?.Count ?? 0); i++)
            {
                yield return new FactEntry(file, string.Create(CultureInfo.InvariantCulture, $"{list}[{i}] ({routes![i].Name})"), routes[i]);
            }
        }

        if (pack.LegalRemedies is { } remedies)
        {
            foreach (var (name, remedy) in new[]
                     {
                         ("emergencyProtectiveOrder", remedies.EmergencyProtectiveOrder), ("restrainingOrder", remedies.RestrainingOrder),
                         ("policeReport", remedies.PoliceReport), ("takedownLaw", remedies.TakedownLaw),
                     })
            {
                if (remedy is not null)
                {
                    yield return new FactEntry(file, "legalRemedies." + name, remedy);
                }
            }
        }
    }

    /// <summary>
    /// A self-cited source: one that points back at us rather than at the organisation or law it vouches for. Concretely,
    /// a source that is not an absolute https address on a public host, or whose host is this app's (loopback,
    /// <c>localhost</c>, a <c>.local</c> or <c>.internal</c> name, any host naming IncidentResponse), or a code-hosting
    /// site where this repository and its content files live (github.com, raw.githubusercontent.com, gitlab.com,
    /// bitbucket.org). Every fact we publish is about an organisation or law with its own page, so a primary source
    /// always exists and a self-cited one is never acceptable.
    /// </summary>
    public static bool IsSelfCited(string? sourceUrl)
    {
        if (!Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            return true;
        }

        var host = uri.Host.ToLowerInvariant();
        return uri.IsLoopback
            || host == "localhost"
            || host.EndsWith(".local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.Contains("incidentresponse", StringComparison.Ordinal)
            || SelfHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
    }
}
