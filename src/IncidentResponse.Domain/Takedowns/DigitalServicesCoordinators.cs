using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Each EU member state's Digital Services Coordinator, read from <c>Content/regulators/dsa-coordinators.json</c>. A
/// person may complain about an online service's handling of a Digital Services Act notice to the coordinator of the
/// member state where they live (DSA Article 53), whichever country the service is based in.
/// </summary>
public sealed class DigitalServicesCoordinators
{
    public const string ResourceName = "IncidentResponse.Domain.Content.regulators.dsa-coordinators.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, DigitalServicesCoordinator> _english;

    /// <summary>The list in each language with translations (the countries' names; ADR 0030).</summary>
    private readonly Dictionary<string, Dictionary<string, DigitalServicesCoordinator>> _translated;

    private DigitalServicesCoordinators(Dictionary<string, DigitalServicesCoordinator> english, Dictionary<string, Dictionary<string, DigitalServicesCoordinator>> translated)
    {
        _english = english;
        _translated = translated;
    }

    /// <summary>The coordinators in the language of the request being served.</summary>
    private Dictionary<string, DigitalServicesCoordinator> ByCountry => ContentOverlays.InLanguage(_english, _translated);

    /// <summary>Every coordinator, by country name.</summary>
    public IReadOnlyList<DigitalServicesCoordinator> All =>
        ByCountry.Values.OrderBy(c => c.Country, StringComparer.CurrentCulture).ToList();

    /// <summary>The coordinator where someone living in <paramref name="countryCode"/> complains, or null outside the EU.</summary>
    public DigitalServicesCoordinator? For(string? countryCode) =>
        countryCode is not null && ByCountry.TryGetValue(countryCode.Trim().ToUpperInvariant(), out var coordinator) ? coordinator : null;

    /// <summary>
    /// Reads and checks the embedded list: one coordinator for each EU member state and no other, each with an https
    /// complaint address and an honest source (a date not after <paramref name="todayUtc"/>, or needsReview and no date).
    /// </summary>
    public static DigitalServicesCoordinators LoadEmbedded(DateOnly todayUtc)
    {
        var (english, translated) = ContentOverlays.ReadEmbedded(
            typeof(DigitalServicesCoordinators).Assembly, ResourceName, "coordinator list", "regulators", "dsa-coordinators.json", json => Load(json, todayUtc));
        return new DigitalServicesCoordinators(english, translated);
    }

    private static Dictionary<string, DigitalServicesCoordinator> Load(string json, DateOnly todayUtc)
    {
        var file = ContentFiles.Parse<CoordinatorFile>(json, JsonOptions, "coordinator list", ResourceName);
        var problems = new List<string>();
        var byCountry = new Dictionary<string, DigitalServicesCoordinator>(StringComparer.Ordinal);
        foreach (var coordinator in file.Coordinators)
        {
            var at = $"coordinators[{coordinator.CountryCode}]";
            if (!EuropeanUnion.IsMember(coordinator.CountryCode) || !coordinator.CountryCode.All(char.IsAsciiLetterUpper))
            {
                problems.Add($"{at}.countryCode: must be an EU member state's upper-case code.");
            }

            ContentChecks.Required(problems, $"{at}.name", coordinator.Name);
            ContentChecks.Required(problems, $"{at}.country", coordinator.Country);
            if (!JurisdictionPackValidator.IsHttpsUrl(coordinator.ComplaintUrl))
            {
                problems.Add($"{at}.complaintUrl: must be an https address.");
            }

            ContentChecks.Fact(problems, at, coordinator, todayUtc);
            if (!byCountry.TryAdd(coordinator.CountryCode, coordinator))
            {
                problems.Add($"{at}: is listed more than once.");
            }
        }

        problems.AddRange(EuropeanUnion.MemberCodes.Where(code => !byCountry.ContainsKey(code)).Select(code => $"coordinators: {code} is missing."));
        if (problems.Count > 0)
        {
            throw new InvalidDataException("The Digital Services Coordinator list is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return byCountry;
    }

    private sealed record CoordinatorFile(int SchemaVersion, string EditorialNote, string SourceUrl, bool NeedsReview, IReadOnlyList<DigitalServicesCoordinator> Coordinators);
}

/// <summary>One member state's Digital Services Coordinator and where to complain to it.</summary>
public sealed record DigitalServicesCoordinator(
    string CountryCode, string Country, string Name, string ComplaintUrl, string SourceUrl, string LastVerified = "", bool NeedsReview = false) : ISourcedFact;
