namespace IncidentResponse.Web.Pages.Shared;

/// <summary>
/// The words of the shared case-form partials (the two age questions, <c>_AgeQuestions</c>): <c>CaseFormText.resx</c>
/// and its languages (ADR 0030), injected in the partial itself as <c>F</c>.
/// </summary>
public sealed class CaseFormText;
