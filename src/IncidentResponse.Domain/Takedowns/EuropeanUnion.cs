namespace IncidentResponse.Domain.Takedowns;

/// <summary>The EU member states (ISO 3166-1 alpha-2; Greece is GR), for steps that apply under EU law such as the DSA.</summary>
public static class EuropeanUnion
{
    public const string Code = "EU";

    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>Every member state's code, sorted.</summary>
    public static IReadOnlyList<string> MemberCodes => Members.Order(StringComparer.Ordinal).ToList();

    public static bool IsMember(string? code) => code is not null && Members.Contains(code.Trim().ToUpperInvariant());
}
