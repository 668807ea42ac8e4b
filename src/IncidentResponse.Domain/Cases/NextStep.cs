using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Cases;

/// <summary>The one step the dashboard offers next. Each names a page, which the web layer maps to an address.</summary>
public enum NextStep
{
    /// <summary>Read "Safety first": a case where nothing has been done yet.</summary>
    SafetyFirst,

    /// <summary>The latest assessment found high or immediate danger: the plan's urgent safety step comes first.</summary>
    UrgentSafety,

    /// <summary>Answer (or finish) the safety questions.</summary>
    Assessment,

    /// <summary>Write down what happened: the first entry in the log.</summary>
    FirstEntry,

    /// <summary>Keep a screenshot or file. Never offered to a case kept to words only (<see cref="Case.WordsOnly"/>).</summary>
    AddEvidence,

    /// <summary>Note a place the content was found.</summary>
    AddPlace,

    /// <summary>Ask a site to take it down: the first letter.</summary>
    FirstLetter,

    /// <summary>Make an evidence binder.</summary>
    Binder,

    /// <summary>Invite someone you trust to help.</summary>
    InviteAlly,

    /// <summary>Everything on the journey is started: look at the plan.</summary>
    Plan,
}

/// <summary>What has been done on a case so far, counted as the person looking may see it.</summary>
/// <param name="UrgentStepOpen">The plan's urgent safety step (physical safety, or urgent protection) is not yet done or set aside.</param>
/// <param name="AnyStarted">Anything at all has been done: a plan step marked, an assessment begun, an entry, a place.</param>
public sealed record CaseProgress(
    ThreatLevel? Level,
    bool AssessmentDone,
    bool UrgentStepOpen,
    bool AnyStarted,
    int Entries,
    int EvidenceItems,
    int Places,
    int Letters,
    int Binders,
    int Allies,
    bool WordsOnly);

/// <summary>Chooses the one next step from what has been done, what the latest assessment says, and what the viewer may open.</summary>
public static class NextStepPlanner
{
    /// <summary>The operation each step's page needs; a step the viewer may not open is never offered to them.</summary>
    public static CaseOperation OperationFor(NextStep step) => step switch
    {
        NextStep.Assessment or NextStep.FirstEntry or NextStep.AddEvidence or NextStep.AddPlace or NextStep.FirstLetter => CaseOperation.AddEntry,
        NextStep.Binder => CaseOperation.Export,
        NextStep.InviteAlly => CaseOperation.Share,
        _ => CaseOperation.View,
    };

    /// <summary>
    /// In order: urgent safety when the latest assessment found high or immediate danger; "Safety first" on an untouched
    /// case; the safety questions; the first entry; evidence (never on the words-only route); a place it was found; a
    /// first letter; a binder; an ally; and then the plan. Steps <paramref name="can"/> refuses are skipped.
    /// </summary>
    public static NextStep Choose(CaseProgress progress, Func<CaseOperation, bool> can)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(can);
        return Candidates(progress).FirstOrDefault(step => can(OperationFor(step)), NextStep.Plan);
    }

    /// <summary>
    /// The next step for one entry in the record, offered once it is written: keep a file for it (never on the
    /// words-only route), then note where it was found, in the dashboard's order. Null when it has both, or when the
    /// viewer may add neither.
    /// </summary>
    public static NextStep? ForEntry(int files, int places, bool wordsOnly, Func<CaseOperation, bool> can)
    {
        ArgumentNullException.ThrowIfNull(can);
        if (files == 0 && !wordsOnly && can(OperationFor(NextStep.AddEvidence)))
        {
            return NextStep.AddEvidence;
        }

        return places == 0 && can(OperationFor(NextStep.AddPlace)) ? NextStep.AddPlace : null;
    }

    private static IEnumerable<NextStep> Candidates(CaseProgress p)
    {
        if (p.Level is ThreatLevel.High or ThreatLevel.ImmediateDanger && p.UrgentStepOpen)
        {
            yield return NextStep.UrgentSafety;
        }

        if (!p.AnyStarted && !p.AssessmentDone)
        {
            yield return NextStep.SafetyFirst;
        }

        if (!p.AssessmentDone)
        {
            yield return NextStep.Assessment;
        }

        if (p.Entries == 0)
        {
            yield return NextStep.FirstEntry;
        }

        if (p.EvidenceItems == 0 && !p.WordsOnly)
        {
            yield return NextStep.AddEvidence;
        }

        if (p.Places == 0)
        {
            yield return NextStep.AddPlace;
        }

        if (p.Letters == 0)
        {
            yield return NextStep.FirstLetter;
        }

        if (p.Binders == 0)
        {
            yield return NextStep.Binder;
        }

        if (p.Allies == 0)
        {
            yield return NextStep.InviteAlly;
        }
    }
}
