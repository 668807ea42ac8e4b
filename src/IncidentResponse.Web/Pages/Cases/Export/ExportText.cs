namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// The words of the "Download everything" page: <c>ExportText.resx</c> in English, with <c>.es</c> and <c>.fr</c> beside
/// it (ADR 0030). The ZIP's README and case.json stay in English (<see cref="ExportReadMe"/>).
/// </summary>
public sealed class ExportText;
