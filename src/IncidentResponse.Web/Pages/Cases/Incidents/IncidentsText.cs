namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// The words of the record's pages (the timeline, an entry, adding and changing one, and their forms' messages):
/// <c>IncidentsText.resx</c> in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). The views of
/// <c>Cases/Incidents</c> read them as <c>T["Key"]</c>; the page models and validators as <c>IStringLocalizer</c>.
/// </summary>
public sealed class IncidentsText;
