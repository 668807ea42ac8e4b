namespace IncidentResponse.Domain.Safety;

/// <summary>Whether the survivor knows who is behind the abuse.</summary>
public enum PerpetratorKnown
{
    Known = 0,
    Unknown = 1,
    NotSure = 2,
}

/// <summary>Whether the survivor wants to take legal action.</summary>
public enum LegalActionIntent
{
    Yes = 0,
    No = 1,
    Undecided = 2,
}

/// <summary>
/// The case answers the plan depends on. <see cref="LatestThreatResult"/> is the most recent threat assessment, or
/// null; a draft result (missing required answers) counts as none. <see cref="WordsOnly"/>: the case is kept to words
/// (<see cref="Cases.Case.WordsOnly"/>), so every step gets its <see cref="WordsOnlyAdvice"/> text and the under-18
/// routes are shown.
/// </summary>
public sealed record SafetyPlanInput(
    PerpetratorKnown Perpetrator,
    bool ThreatsReceived,
    LegalActionIntent LegalAction,
    ThreatResult? LatestThreatResult,
    bool WordsOnly = false);

/// <summary>
/// One step as it appears in a person's plan. <see cref="Section"/> can differ from the step's catalog section when
/// the step was moved up. <see cref="Why"/> says, in plain words, why a step was added or moved; <see cref="Notes"/>
/// are extra cautions from the assessment (both may contain placeholders).
/// </summary>
public sealed record SafetyPlanItem(
    SafetyStep Step,
    SafetySection Section,
    bool MovedUp,
    string? Why,
    IReadOnlyList<string> Notes)
{
    public string Key => Step.Key;

    /// <summary>The same item with every placeholder filled from the pack.</summary>
    public SafetyPlanItem ResolveFor(JurisdictionPack pack) => this with
    {
        Step = Step with { Title = SafetyText.Resolve(Step.Title, pack), Body = SafetyText.Resolve(Step.Body, pack) },
        Why = Why is null ? null : SafetyText.Resolve(Why, pack),
        Notes = Notes.Select(n => SafetyText.Resolve(n, pack)).ToList(),
    };
}

/// <summary>
/// Builds the ordered list of safety plan steps for a case. Pure: the same input always gives the same plan.
/// </summary>
/// <remarks>
/// Starting from <see cref="SafetyStepCatalog.Steps"/> in catalog order, conditional steps appear only when:
/// <list type="bullet">
/// <item><c>sextortion-response</c>: the latest assessment has the <see cref="ThreatSignals.Sextortion"/> flag.</item>
/// <item><c>under-18-routes</c>: the latest assessment has the <see cref="ThreatSignals.UnderEighteen"/> flag, or the
/// case is words-only.</item>
/// <item><c>preservation-request</c>: legal action is wanted or undecided (legal action is possible).</item>
/// <item><c>emergency-protective-order</c>: threats were received, or the assessment has
/// <see cref="ThreatSignals.ThreatOfViolence"/>, or its level is High or ImmediateDanger.</item>
/// <item><c>restraining-order-and-police-report</c>: the perpetrator is known.</item>
/// <item><c>digital-abuse-lawyer</c>: the perpetrator is unknown or the survivor is not sure (a lawyer can help find
/// out who it is; a restraining order needs a named person).</item>
/// <item><c>sexual-assault-support</c>: the assessment has <see cref="ThreatSignals.MadeWithoutConsent"/>.</item>
/// </list>
/// On the words-only (under-18) route, <c>keep-takedown-confirmations</c> says to write the confirmation down instead of
/// screenshotting it. When the person is known, or the survivor is not sure who it is, the steps that suggest blocking
/// warn first that blocking someone you know can make things more dangerous.
/// At High or ImmediateDanger the emergency number and urgent protection go first: <c>physical-safety</c> stays first
/// and <c>emergency-protective-order</c> moves straight after it, into the Now section. When the latest assessment has
/// the <see cref="ThreatSignals.SelfHarm"/> signal, <c>crisis-support</c> (in every plan) moves to the very top. Device-compromise and doxxing
/// signals add cautionary notes to the steps they affect. All other steps keep their catalog order and section.
/// In a words-only case each step that would say to save, screenshot or image-search says instead to record it in
/// words (<see cref="WordsOnlyAdvice"/>). <c>sextortion-response</c> names the adult routes (<c>{ExtortionRoutes}</c>)
/// and StopNCII.org; its words-only text, used also whenever the assessment has <see cref="ThreatSignals.UnderEighteen"/>,
/// names the under-18 routes (<c>{UnderEighteenExtortionRoutes}</c>, then the adult ones for anyone 18 or over now) and
/// Take It Down instead, and says to keep only words.
/// </remarks>
public static class SafetyPlanBuilder
{
    public const string MovedUpWhy = "Shown first because of your answers to the safety questions.";

    /// <summary>Neutral on purpose: allies read the plan, and the answer behind it is the person's to share.</summary>
    public const string CrisisFirstWhy = "Shown first because of your answers to the safety questions. You don't have to face this alone.";

    public const string DeviceNote =
        "The person may be able to see what you do on a device or account they have had access to. If you can, use a "
        + "device they have never had access to, or a trusted friend's, for this. Think before changing passwords or "
        + "removing apps, as the person may notice; a helpline can help you plan this.";

    public const string DoxxingSafetyNote =
        "Your personal details have been posted. Think about whether the places in those details are safe for you "
        + "right now.";

    public const string BlockingKnownPersonNote =
        "Blocking someone you know, especially a partner or former partner, can make them angrier or more dangerous when "
        + "they notice. Before you block, think about making a safety plan with a domestic abuse helpline, and about "
        + "muting or filtering their messages instead, so they do not see a change.";

    public const string DoxxingTakedownNote =
        "Ask for your personal details to be removed as well as the images: many sites remove personal information "
        + "posted without consent.";

    internal const string SextortionWhy = "Shown because you said the person has asked for something in return.";

    internal const string UnderEighteenWhy = "Shown because you said the images may show someone who was under 18 when they were made.";

    internal const string LegalActionWhy = "Shown because you might take legal action.";

    internal const string ThreatenedWhy = "Shown because you said you have been threatened.";

    internal const string AnswersWhy = "Shown because of your answers to the safety questions.";

    internal const string KnownWhy = "Shown because you know who the person is.";

    internal const string UnknownWhy = "Shown because you don't know, or aren't sure, who the person is.";

    internal const string WithoutConsentWhy = "Shown because you said some images may have been made while you could not agree.";

    public static IReadOnlyList<SafetyPlanItem> Build(SafetyPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = input.LatestThreatResult is { IsDraft: false } complete ? complete : null;
        var signals = result?.Signals ?? ThreatSignals.None;
        var level = result?.Level ?? ThreatLevel.Standard;
        var urgent = level >= ThreatLevel.High;

        var items = new List<SafetyPlanItem>();
        foreach (var step in SafetyStepCatalog.Steps)
        {
            var why = step.Conditional ? WhyIncluded(step.Key, input, signals, urgent) : null;
            if (step.Conditional && why is null)
            {
                continue;
            }

            var shown = WordsOnlyFor(step.Key, input, signals) ? WordsOnlyAdvice.Apply(step) : step;
            items.Add(new SafetyPlanItem(shown, step.Section, MovedUp: false, why, NotesFor(step.Key, input, signals)));
        }

        if (urgent)
        {
            MoveUpAfterPhysicalSafety(items, SafetyStepCatalog.EmergencyProtectiveOrder);
        }

        if (signals.HasFlag(ThreatSignals.SelfHarm))
        {
            var index = items.FindIndex(i => i.Key == SafetyStepCatalog.CrisisSupport);
            var crisis = items[index];
            items.RemoveAt(index);
            items.Insert(0, crisis with { Section = SafetySection.Now, MovedUp = true, Why = CrisisFirstWhy });
        }

        return items;
    }

    /// <summary>Builds the plan and fills every placeholder from the pack.</summary>
    public static IReadOnlyList<SafetyPlanItem> Build(SafetyPlanInput input, JurisdictionPack pack) =>
        Build(input).Select(item => item.ResolveFor(pack)).ToList();

    /// <summary>
    /// Whether a step gets its words-only text: every step in a words-only case, and the sextortion step also when the
    /// assessment says the images may show someone under 18 (its under-18 routes and Take It Down are then the ones
    /// that apply, and it must never say to keep an image), even before the case itself is marked words-only.
    /// </summary>
    private static bool WordsOnlyFor(string key, SafetyPlanInput input, ThreatSignals signals) =>
        input.WordsOnly || (key == SafetyStepCatalog.SextortionResponse && signals.HasFlag(ThreatSignals.UnderEighteen));

    private static string? WhyIncluded(string key, SafetyPlanInput input, ThreatSignals signals, bool urgent) => key switch
    {
        SafetyStepCatalog.SextortionResponse when signals.HasFlag(ThreatSignals.Sextortion) =>
            SextortionWhy,
        SafetyStepCatalog.UnderEighteenRoutes when signals.HasFlag(ThreatSignals.UnderEighteen) =>
            UnderEighteenWhy,
        SafetyStepCatalog.UnderEighteenRoutes when input.WordsOnly =>
            WordsOnlyAdvice.WhyRoutesShown,
        SafetyStepCatalog.PreservationRequest when input.LegalAction is LegalActionIntent.Yes or LegalActionIntent.Undecided =>
            LegalActionWhy,
        SafetyStepCatalog.EmergencyProtectiveOrder when input.ThreatsReceived || signals.HasFlag(ThreatSignals.ThreatOfViolence) =>
            ThreatenedWhy,
        SafetyStepCatalog.EmergencyProtectiveOrder when urgent =>
            AnswersWhy,
        SafetyStepCatalog.RestrainingOrderAndPoliceReport when input.Perpetrator == PerpetratorKnown.Known =>
            KnownWhy,
        SafetyStepCatalog.DigitalAbuseLawyer when input.Perpetrator is PerpetratorKnown.Unknown or PerpetratorKnown.NotSure =>
            UnknownWhy,
        SafetyStepCatalog.SexualAssaultSupport when signals.HasFlag(ThreatSignals.MadeWithoutConsent) =>
            WithoutConsentWhy,
        _ => null,
    };

    private static List<string> NotesFor(string key, SafetyPlanInput input, ThreatSignals signals)
    {
        var notes = new List<string>();
        if (input.Perpetrator is PerpetratorKnown.Known or PerpetratorKnown.NotSure
            && key is SafetyStepCatalog.ManageCommunication or SafetyStepCatalog.SextortionResponse)
        {
            notes.Add(BlockingKnownPersonNote);
        }

        if (signals.HasFlag(ThreatSignals.DeviceCompromise)
            && key is SafetyStepCatalog.BreatheAndReachOut or SafetyStepCatalog.SaveEvidence or SafetyStepCatalog.ManageCommunication)
        {
            notes.Add(DeviceNote);
        }

        if (signals.HasFlag(ThreatSignals.DoxxingRisk) && key == SafetyStepCatalog.PhysicalSafety)
        {
            notes.Add(DoxxingSafetyNote);
        }

        if (signals.HasFlag(ThreatSignals.DoxxingRisk) && key == SafetyStepCatalog.TakedownRoute)
        {
            notes.Add(DoxxingTakedownNote);
        }

        return notes;
    }

    /// <summary>Puts a step straight after <c>physical-safety</c> (always first), in the Now section.</summary>
    private static void MoveUpAfterPhysicalSafety(List<SafetyPlanItem> items, string key)
    {
        var index = items.FindIndex(i => i.Key == key);
        if (index < 0)
        {
            return;
        }

        var item = items[index];
        items.RemoveAt(index);
        var position = items.FindIndex(i => i.Key == SafetyStepCatalog.PhysicalSafety) + 1;
        items.Insert(position, item with { Section = SafetySection.Now, MovedUp = true, Why = MovedUpWhy });
    }
}
