using System.Resources;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// The plan's words as a person reads them (ADR 0030): the builder's plan stays in English, keyed and stored as it is, and
/// each item's title, body, reason and notes are chosen in the request's language only when shown.
/// </summary>
public static class SafetyPlanWords
{
    private static readonly ResourceManager Resources = new(typeof(SafetyPlanWords));

    /// <summary>Each English sentence the plan gives as a reason or a note, and the key of its shown text.</summary>
    private static readonly Dictionary<string, string> ShownKeys = new(StringComparer.Ordinal)
    {
        [SafetyPlanBuilder.MovedUpWhy] = "Why.MovedUp",
        [SafetyPlanBuilder.CrisisFirstWhy] = "Why.CrisisFirst",
        [SafetyPlanBuilder.SextortionWhy] = "Why.Sextortion",
        [SafetyPlanBuilder.UnderEighteenWhy] = "Why.UnderEighteen",
        [SafetyPlanBuilder.LegalActionWhy] = "Why.LegalAction",
        [SafetyPlanBuilder.ThreatenedWhy] = "Why.Threatened",
        [SafetyPlanBuilder.AnswersWhy] = "Why.Answers",
        [SafetyPlanBuilder.KnownWhy] = "Why.Known",
        [SafetyPlanBuilder.UnknownWhy] = "Why.Unknown",
        [SafetyPlanBuilder.WithoutConsentWhy] = "Why.WithoutConsent",
        [SafetyPlanBuilder.DeviceNote] = "Note.Device",
        [SafetyPlanBuilder.DoxxingSafetyNote] = "Note.DoxxingSafety",
        [SafetyPlanBuilder.BlockingKnownPersonNote] = "Note.BlockingKnown",
        [SafetyPlanBuilder.DoxxingTakedownNote] = "Note.DoxxingTakedown",
    };

    /// <summary>
    /// An item of <see cref="SafetyPlanBuilder.Build(SafetyPlanInput)"/> as the person reads it: its title, body, reason and notes in the
    /// request's language (still with placeholders, for <see cref="SafetyPlanItem.ResolveFor"/>). The plan itself, its
    /// keys and what is stored stay as they are; only the words change, at the moment they are shown.
    /// </summary>
    public static SafetyPlanItem Shown(SafetyPlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var catalog = SafetyStepCatalog.Get(item.Key);
        var words = WordsOnlyAdvice.Apply(catalog);
        var wordsOnly = !ReferenceEquals(words, catalog) && item.Step.Body == words.Body && words.Body != catalog.Body;
        var wordsText = wordsOnly ? WordsOnlyAdvice.Shown(item.Key) : null;
        var title = wordsText?.Title ?? (item.Step.Title == catalog.Title ? SafetyStepCatalog.TitleShown(item.Key) : item.Step.Title);
        var body = wordsText?.Body ?? (item.Step.Body == catalog.Body ? SafetyStepCatalog.BodyShown(item.Key) : item.Step.Body);
        return item with
        {
            Step = item.Step with { Title = title, Body = body },
            Why = item.Why is null ? null : ShownText(item.Why),
            Notes = item.Notes.Select(ShownText).ToList(),
        };
    }

    private static string ShownText(string english) =>
        english == WordsOnlyAdvice.WhyRoutesShown ? WordsOnlyAdvice.WhyRoutesShownText
        : ShownKeys.TryGetValue(english, out var key) ? Localized.Text(Resources, key) : english;

}
