using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Binder;

/// <summary>The parts of a binder, in the order they are printed. Each one the person can leave out.</summary>
public enum BinderSection
{
    Cover,
    Contents,
    Summary,
    ThreatAssessment,
    IncidentLog,
    Exhibits,
    Sightings,
    Letters,
    Verification,

    /// <summary>Printed after the incident log (see <see cref="BinderPresets.InPrintOrder"/>); numbered last so a job saved before it keeps its meaning.</summary>
    ContactsAndDemands,
}

/// <summary>Who the binder is for: each preset chooses its sections; the person can still change every one.</summary>
public enum BinderPreset
{
    Police,
    Lawyer,
    Platform,
    MyRecords,
}

public static class BinderPresets
{
    /// <summary>Every section, in the order the binder prints them and the form lists them.</summary>
    public static IReadOnlyList<BinderSection> InPrintOrder { get; } =
    [
        BinderSection.Cover, BinderSection.Contents, BinderSection.Summary, BinderSection.ThreatAssessment, BinderSection.IncidentLog,
        BinderSection.ContactsAndDemands, BinderSection.Exhibits, BinderSection.Sightings, BinderSection.Letters, BinderSection.Verification,
    ];

    private static readonly BinderSection[] Everything = [.. InPrintOrder];

    public static IReadOnlyList<BinderSection> SectionsFor(BinderPreset preset) => preset switch
    {
        // A platform needs where the content is, what was asked and the proof; not the person's risk assessment,
        // their own narrative of every incident, or letters sent to others.
        BinderPreset.Platform =>
        [
            BinderSection.Cover, BinderSection.Contents, BinderSection.Summary, BinderSection.Exhibits,
            BinderSection.Sightings, BinderSection.Verification,
        ],
        _ => Everything,
    };

    public static string DisplayName(BinderPreset preset) => preset switch
    {
        BinderPreset.Police => "For the police",
        BinderPreset.Lawyer => "For a lawyer",
        BinderPreset.Platform => "For a platform",
        _ => "For my own records",
    };

    /// <summary>The word for the reader on the cover's "prepared for" line when the person leaves it empty.</summary>
    public static string DefaultReader(BinderPreset preset) => preset switch
    {
        BinderPreset.Police => "The police",
        BinderPreset.Lawyer => "A lawyer",
        BinderPreset.Platform => "A platform's safety team",
        _ => "My own records",
    };

    public static string SectionName(BinderSection section) => section switch
    {
        BinderSection.Cover => "Cover",
        BinderSection.Contents => "Contents",
        BinderSection.Summary => "Case summary",
        BinderSection.ThreatAssessment => "Threat assessment summary",
        BinderSection.IncidentLog => "Incident log",
        BinderSection.Exhibits => "Exhibits",
        BinderSection.Sightings => "Sightings and takedown log",
        BinderSection.Letters => "Letters, finalised and sent",
        BinderSection.ContactsAndDemands => "Contact and demands",
        _ => "Verification appendix",
    };
}

/// <summary>What the person chose for one binder.</summary>
public sealed record BinderOptions
{
    public const string DefaultTitle = "Evidence record";
    public const int TitleMaxLength = 80;
    public const int NameMaxLength = 120;

    /// <summary>The neutral title printed on the cover and on every page's header.</summary>
    public string Title { get; init; } = DefaultTitle;

    public string PreparedBy { get; init; } = "";

    public string PreparedFor { get; init; } = "";

    public BinderPreset Preset { get; init; } = BinderPreset.MyRecords;

    public IReadOnlySet<BinderSection> Sections { get; init; } = new HashSet<BinderSection>(Enum.GetValues<BinderSection>());

    /// <summary>Per evidence item id; for an item not named, see <see cref="SafestWhenUnnamed"/>.</summary>
    public IReadOnlyDictionary<Guid, Redaction> Redactions { get; init; } = new Dictionary<Guid, Redaction>();

    /// <summary>
    /// For an item <see cref="Redactions"/> does not name (one added after the form was shown): true, its preset's
    /// safest choice (the binder page); false, shown in full (the ZIP's binder, whose evidence files are beside it).
    /// </summary>
    public bool SafestWhenUnnamed { get; init; }

    public static BinderOptions For(BinderPreset preset) => new()
    {
        Preset = preset,
        Sections = new HashSet<BinderSection>(BinderPresets.SectionsFor(preset)),
    };

    public bool Includes(BinderSection section) => Sections.Contains(section);

    /// <summary>
    /// False for an ally the owner has not shared evidence images with (even one allowed to export): every picture is
    /// then withheld, whatever was chosen, and only its description and fingerprint are printed.
    /// </summary>
    public bool PicturesShared { get; init; } = true;

    /// <summary>
    /// Who the binder is made by, for what it may say of the people on the case and of the case's history: another ally
    /// is "someone helping", and the history's size and sequence numbers are the owner's. Null: the owner's view.
    /// </summary>
    public BinderAudience? Audience { get; init; }

    /// <summary>
    /// Whether the threat assessment summary prints the risk level and the score. Off unless the person ticks it: the
    /// summary then reports the answers (in the third person) without a number a reader might take as a prediction.
    /// </summary>
    public bool IncludeRiskLevel { get; init; }

    /// <summary>
    /// False for an ally the owner has not shared the risk assessment with (ADR 0014): the threat assessment summary is
    /// left out whatever was ticked, as if it had not been chosen.
    /// </summary>
    public bool AssessmentShown { get; init; } = true;

    /// <summary>The parts this binder prints: those chosen, less the threat assessment when it is not this person's to see.</summary>
    public BinderOptions Effective() => AssessmentShown || !Sections.Contains(BinderSection.ThreatAssessment)
        ? this
        : this with { Sections = new HashSet<BinderSection>(Sections.Where(s => s != BinderSection.ThreatAssessment)) };

    /// <inheritdoc cref="ExhibitRedaction.Of"/>
    public Redaction RedactionOf(Guid evidenceId, IncidentResponse.Domain.Evidence.EvidenceKind kind) => ExhibitRedaction.Of(this, evidenceId, kind);
}
