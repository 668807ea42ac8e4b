namespace IncidentResponse.Web.Pages.Cases.Safety;

/// <summary>
/// The words of the survivor's first steps (Safety first, the safety questions, the plan): <c>SafetyPagesText.resx</c>
/// in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). The views of <c>Cases/Safety</c>,
/// <c>Cases/Assessment</c> and <c>Cases/Plan</c> read them as <c>T["Key"]</c>.
/// </summary>
public sealed class SafetyPagesText;
