using System.Globalization;
using System.Resources;
using System.Text;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// Fills the placeholders in safety plan text from a jurisdiction pack. Pure. Unknown placeholders are left as they
/// are, so a typo shows up in review instead of vanishing.
/// </summary>
public static class SafetyText
{
    public const string EmergencyNumber = "{EmergencyNumber}";
    public const string Helplines = "{Helplines}";
    public const string ReportingRoutes = "{ReportingRoutes}";
    public const string UnderEighteenRoutes = "{UnderEighteenRoutes}";

    /// <summary>Where an adult reports sextortion: the police or the national reporting line.</summary>
    public const string ExtortionRoutes = "{ExtortionRoutes}";

    /// <summary>Where someone under 18, or whose images were made before they were 18, reports sextortion.</summary>
    public const string UnderEighteenExtortionRoutes = "{UnderEighteenExtortionRoutes}";
    public const string CrisisLines = "{CrisisLines}";
    public const string ProtectiveOrderName = "{ProtectiveOrderName}";
    public const string RestrainingOrderName = "{RestrainingOrderName}";
    public const string PoliceReportName = "{PoliceReportName}";
    public const string SexualAssaultSupport = "{SexualAssaultSupport}";

    /// <summary>
    /// A paragraph naming the pack's takedown law (such as the US TAKE IT DOWN Act), or nothing where it has none: put it
    /// in a paragraph of its own so that, empty, it leaves no gap.
    /// </summary>
    public const string TakedownLaw = "{TakedownLaw}";

    private static readonly ResourceManager Resources = new(typeof(SafetyText));

    public static IReadOnlyList<string> Placeholders { get; } =
    [
        EmergencyNumber, Helplines, ReportingRoutes, UnderEighteenRoutes, ExtortionRoutes, UnderEighteenExtortionRoutes, CrisisLines,
        ProtectiveOrderName, RestrainingOrderName, PoliceReportName, SexualAssaultSupport, TakedownLaw,
    ];

    public static string Resolve(string template, JurisdictionPack pack)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(pack);
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template);
        text.Replace(EmergencyNumber, pack.EmergencyNumber?.Number ?? Words("Fallback.EmergencyNumber"));
        text.Replace(Helplines, List(pack.Helplines));
        text.Replace(ReportingRoutes, List(pack.ReportingRoutes));
        text.Replace(UnderEighteenRoutes, List(pack.UnderEighteenRoutes));
        text.Replace(ExtortionRoutes, List(pack.ExtortionRoutes, Words("Fallback.ExtortionRoutes")));
        text.Replace(UnderEighteenExtortionRoutes, List(pack.UnderEighteenExtortionRoutes, Words("Fallback.ExtortionRoutes")));
        text.Replace(CrisisLines, List(pack.CrisisLines));
        text.Replace(ProtectiveOrderName, pack.LegalRemedies?.EmergencyProtectiveOrder?.Name ?? Words("Fallback.ProtectiveOrder"));
        text.Replace(RestrainingOrderName, pack.LegalRemedies?.RestrainingOrder?.Name ?? Words("Fallback.RestrainingOrder"));
        text.Replace(PoliceReportName, pack.LegalRemedies?.PoliceReport?.Name ?? Words("Fallback.PoliceReport"));
        text.Replace(SexualAssaultSupport, List(pack.SexualAssaultSupport, Words("Fallback.SexualAssaultSupport")));
        text.Replace(TakedownLaw, pack.LegalRemedies?.TakedownLaw is { } law ? Localized.Format(Resources, "TakedownLaw", law.Name, law.Description) : "");
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The sourced facts a template's placeholders bring into the text, as (what a person reads, the fact), so a page
    /// can show when each was checked and where. Helplines and routes are listed by name.
    /// </summary>
    public static IReadOnlyList<(string Label, ISourcedFact Fact)> FactsIn(string template, JurisdictionPack pack)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(pack);
        var facts = new List<(string, ISourcedFact)>();
        if (template.Contains(EmergencyNumber, StringComparison.Ordinal) && pack.EmergencyNumber is { } emergency)
        {
            facts.Add((Localized.Format(Resources, "Fact.EmergencyNumber", emergency.Number), emergency));
        }

        foreach (var (placeholder, routes) in new[]
                 {
                     (Helplines, pack.Helplines), (ReportingRoutes, pack.ReportingRoutes), (UnderEighteenRoutes, pack.UnderEighteenRoutes),
                     (ExtortionRoutes, pack.ExtortionRoutes), (UnderEighteenExtortionRoutes, pack.UnderEighteenExtortionRoutes),
                     (SexualAssaultSupport, pack.SexualAssaultSupport), (CrisisLines, pack.CrisisLines),
                 })
        {
            if (template.Contains(placeholder, StringComparison.Ordinal))
            {
                facts.AddRange((routes ?? []).Select(r => (r.Name, (ISourcedFact)r)));
            }
        }

        foreach (var (placeholder, remedy) in new[]
                 {
                     (ProtectiveOrderName, pack.LegalRemedies?.EmergencyProtectiveOrder), (RestrainingOrderName, pack.LegalRemedies?.RestrainingOrder),
                     (PoliceReportName, pack.LegalRemedies?.PoliceReport), (TakedownLaw, pack.LegalRemedies?.TakedownLaw),
                 })
        {
            if (remedy is not null && template.Contains(placeholder, StringComparison.Ordinal))
            {
                facts.Add((remedy.Name, remedy));
            }
        }

        return facts;
    }

    /// <summary>
    /// "Name (phone)" for a route with a phone number, "Name (web address)" otherwise, and the name alone for a route with
    /// neither (such as "Your local police" on a sextortion list).
    /// </summary>
    public static string Describe(ContactRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!string.IsNullOrWhiteSpace(route.Phone))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{route.Name} ({route.Phone})");
        }

        return string.IsNullOrWhiteSpace(route.WebUrl) ? route.Name : string.Create(CultureInfo.InvariantCulture, $"{route.Name} ({route.WebUrl})");
    }

    private static string List(IReadOnlyList<ContactRoute>? routes, string? fallback = null) =>
        routes is null || routes.Count == 0 ? fallback ?? Words("Fallback.Support") : string.Join("; ", routes.Select(Describe));

    /// <summary>A fallback or label in the request's language: these texts are shown, never stored.</summary>
    private static string Words(string key) => Localized.Text(Resources, key);
}
