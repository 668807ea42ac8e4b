namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Where the GDPR or the UK GDPR gives a person the right to erasure (Article 17): the EU member states, the other EEA
/// states (Iceland, Liechtenstein, Norway, where the GDPR applies through the EEA Agreement) and the United Kingdom.
/// </summary>
public static class DataProtectionLaw
{
    private static readonly HashSet<string> OtherEea = new(StringComparer.Ordinal) { "IS", "LI", "NO" };

    private static readonly HashSet<string> UnitedKingdom = new(StringComparer.Ordinal) { "GB", "UK" };

    /// <summary>True when someone living in <paramref name="code"/> can ask for erasure under the GDPR or the UK GDPR.</summary>
    public static bool Applies(string? code)
    {
        var normalised = Normalise(code);
        return EuropeanUnion.IsMember(normalised) || OtherEea.Contains(normalised) || UnitedKingdom.Contains(normalised);
    }

    /// <summary>True when the UK GDPR (not the EU's Regulation) is the law for <paramref name="code"/>.</summary>
    public static bool IsUnitedKingdom(string? code) => UnitedKingdom.Contains(Normalise(code));

    private static string Normalise(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
