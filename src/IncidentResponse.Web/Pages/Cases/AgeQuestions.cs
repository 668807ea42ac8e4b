using IncidentResponse.Domain.Cases;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The two age questions as a form shows them (<c>_AgeQuestions</c>): the field names start with
/// <see cref="Prefix"/> ("Input"), and the current answers are chosen.
/// </summary>
public sealed record AgeQuestions(string Prefix, AgeAnswer? UnderEighteenNow, AgeAnswer? MadeUnderEighteen)
{
    public const string NowField = "UnderEighteenNow";

    public const string MadeField = "MadeUnderEighteen";

    /// <summary>The answers, each with its words' key in <c>CaseFormText</c>.</summary>
    public static IReadOnlyList<(AgeAnswer Value, string Key)> Choices { get; } =
        [(AgeAnswer.Yes, "Age.Yes"), (AgeAnswer.No, "Age.No"), (AgeAnswer.NotSure, "Age.NotSure")];

    /// <summary>
    /// Whether a case is words-only only because a question is still unanswered (nothing says "Yes" or "Not sure"), so
    /// a page asks the questions rather than explaining the words-only rule.
    /// </summary>
    public static bool NeedAsking(bool underEighteenRoute, AgeAnswer? underEighteenNow, AgeAnswer? madeUnderEighteen) =>
        !underEighteenRoute
        && (underEighteenNow is null || madeUnderEighteen is null)
        && (underEighteenNow is null or AgeAnswer.No)
        && (madeUnderEighteen is null or AgeAnswer.No);

    /// <summary>The page the questions were asked from, by a fixed name (never an address taken from the request).</summary>
    public static string ReturnAddress(Guid caseId, string? returnTo) => returnTo switch
    {
        "evidence" => $"/cases/{caseId}/evidence/add",
        "plan" => $"/cases/{caseId}/plan",
        _ => $"/cases/{caseId}/safety",
    };
}
