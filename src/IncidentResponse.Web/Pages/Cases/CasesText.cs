namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The words of the case pages directly in <c>Pages/Cases</c> (your cases, start a case, the dashboard, details, the
/// two age questions, history, activity, delete) and of the people-helping pages in <c>Allies</c>:
/// <c>CasesText.resx</c> and its languages (ADR 0030). Views read them as <c>T["Key"]</c>.
/// </summary>
public sealed class CasesText;
