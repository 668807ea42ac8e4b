namespace IncidentResponse.Web.Pages.Shared;

/// <summary>
/// The words of the safety partials (<c>_Emergency</c>, <c>_CrisisLines</c>, <c>_Routes</c>): <c>SafetyPartialText.resx</c>
/// in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). The partials inject it as <c>P</c>.
/// </summary>
public sealed class SafetyPartialText;
