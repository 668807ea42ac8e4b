using System.Resources;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// How much the safety plan should put safety steps first. Ordered: a later value always means "more urgent", so
/// levels can be compared with &lt; and &gt;. It is never a prediction of what anyone will do.
/// </summary>
public enum ThreatLevel
{
    Standard = 0,
    Elevated = 1,
    High = 2,
    ImmediateDanger = 3,
}

/// <summary>Plain words for each level, for the person and for the web layer.</summary>
public static class ThreatLevels
{
    public static string DisplayName(ThreatLevel level) => level switch
    {
        ThreatLevel.Standard => "Standard",
        ThreatLevel.Elevated => "Elevated",
        ThreatLevel.High => "High",
        ThreatLevel.ImmediateDanger => "Immediate danger",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>What the level changes in the plan, in one or two calm sentences.</summary>
    public static string Describe(ThreatLevel level) => level switch
    {
        ThreatLevel.Standard => "Your plan starts with the steps most people take first.",
        ThreatLevel.Elevated => "Your plan brings some safety steps forward.",
        ThreatLevel.High => "Your plan starts with steps to keep you physically safe, including urgent protection.",
        ThreatLevel.ImmediateDanger => "Your plan starts with getting safe now: the emergency number and urgent protection come first.",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static readonly ResourceManager Resources = new(typeof(ThreatLevels));

    /// <summary><see cref="DisplayName"/> as the person reads it, in the request's language (what is stored stays English).</summary>
    public static string DisplayNameShown(ThreatLevel level) => Localized.Text(Resources, $"Name.{Checked(level)}");

    /// <summary><see cref="Describe"/> in the request's language.</summary>
    public static string DescribeShown(ThreatLevel level) => Localized.Text(Resources, $"Describe.{Checked(level)}");

    private static ThreatLevel Checked(ThreatLevel level) =>
        Enum.IsDefined(level) ? level : throw new ArgumentOutOfRangeException(nameof(level), level, null);

    public static ThreatLevel Max(ThreatLevel a, ThreatLevel b) => a >= b ? a : b;
}
