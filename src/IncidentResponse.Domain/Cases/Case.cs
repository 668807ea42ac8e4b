using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Cases;

/// <summary>One person's response to one situation. Its title is chosen by the survivor and should look neutral.</summary>
public sealed class Case : IVersioned
{
    public const int TitleMaxLength = 80;

    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public uint Version { get; set; }

    /// <summary>The survivor's country: which jurisdiction pack the plan and texts use. Changeable at any time.</summary>
    public string JurisdictionCode { get; set; } = JurisdictionCatalog.FallbackCode;

    /// <summary>Whether the survivor knows who is behind it; null until they say.</summary>
    public PerpetratorKnown? Perpetrator { get; set; }

    /// <summary>Whether threats have been received; null until they say.</summary>
    public bool? ThreatsReceived { get; set; }

    /// <summary>Whether legal action is wanted; null until they say.</summary>
    public LegalActionIntent? LegalAction { get; set; }

    /// <summary>
    /// Set once an assessment says the images show someone under 18: the app then stores no images for this case and
    /// points to the services that remove them. It is never unset by a later assessment.
    /// </summary>
    public bool UnderEighteenRoute { get; set; }

    /// <summary>"Are you under 18?" as the person answered it; null until they do.</summary>
    public AgeAnswer? UnderEighteenNow { get; set; }

    /// <summary>"Were any of the images made when someone in them was under 18?"; null until they answer.</summary>
    public AgeAnswer? MadeUnderEighteen { get; set; }

    /// <summary>
    /// Whether the case is kept to words only: no file of any kind is stored, and no advice says to save, screenshot,
    /// download, upload or search with the image. True unless the person has said "No" to both age questions, and
    /// always once an assessment set <see cref="UnderEighteenRoute"/> (see docs/decisions/0012-under-18-words-only.md).
    /// </summary>
    public bool WordsOnly => IsWordsOnly(UnderEighteenRoute, UnderEighteenNow, MadeUnderEighteen);

    /// <summary>
    /// Whether the images may have been made when someone in them was under 18 (the person said Yes or Not sure, or an
    /// assessment set the under-18 route): the content may then involve one of the child sexual abuse offences of
    /// Directive 2011/93/EU, Articles 3 to 7, and a DSA notice need not name who sends it (Article 16(2)(c)).
    /// </summary>
    public bool MayShowSomeoneUnderEighteen => ImagesMayShowSomeoneUnderEighteen(UnderEighteenRoute, MadeUnderEighteen);

    /// <summary>The rule of <see cref="MayShowSomeoneUnderEighteen"/> on its own, for projections.</summary>
    public static bool ImagesMayShowSomeoneUnderEighteen(bool underEighteenRoute, AgeAnswer? madeUnderEighteen) =>
        underEighteenRoute || madeUnderEighteen is AgeAnswer.Yes or AgeAnswer.NotSure;

    /// <summary>Whether the age questions still need an answer before any file or saving advice could be offered.</summary>
    public bool AgeQuestionsUnanswered => UnderEighteenNow is null || MadeUnderEighteen is null;

    /// <summary>The words-only rule on its own, for projections that read the three columns.</summary>
    public static bool IsWordsOnly(bool underEighteenRoute, AgeAnswer? underEighteenNow, AgeAnswer? madeUnderEighteen) =>
        underEighteenRoute || underEighteenNow != AgeAnswer.No || madeUnderEighteen != AgeAnswer.No;

    /// <summary>
    /// Whether the people helping may see who else helps (names and roles). Off by default: an ally sees the owner and
    /// themselves, and anyone else as "someone helping".
    /// </summary>
    public bool HelpersSeeEachOther { get; set; }

    /// <summary>
    /// Whether the server re-checks the places whose takedown is pending (issue 24). Off by default: the owner turns it
    /// on, told that the sites see the server, never them.
    /// </summary>
    public bool PlaceChecksOn { get; set; }

    public List<CaseMember> Members { get; set; } = [];

    /// <summary>What the plan builder needs to know; unanswered questions count as "not sure" and "undecided".</summary>
    public SafetyPlanInput PlanInput(ThreatResult? latestAssessment) => new(
        Perpetrator ?? PerpetratorKnown.NotSure,
        ThreatsReceived ?? false,
        LegalAction ?? LegalActionIntent.Undecided,
        latestAssessment,
        WordsOnly);

    /// <summary>A new case, owned by the person who opened it.</summary>
    public static Case Open(string title, Guid ownerId, DateTime nowUtc, string jurisdictionCode = JurisdictionCatalog.FallbackCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var id = Guid.NewGuid();
        return new Case
        {
            Id = id,
            Title = title.Trim(),
            JurisdictionCode = jurisdictionCode,
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
            Members = [new CaseMember { CaseId = id, UserId = ownerId, Role = CaseRole.Owner, JoinedUtc = nowUtc }],
        };
    }
}
