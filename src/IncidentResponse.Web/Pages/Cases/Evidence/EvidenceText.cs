namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// The words of the evidence pages (the list, adding a file, one file, the download step-up) and of their messages:
/// <c>EvidenceText.resx</c> in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). The views of
/// <c>Cases/Evidence</c> read them as <c>T["Key"]</c>; <see cref="EvidenceWording"/> and the page models read them too.
/// </summary>
public sealed class EvidenceText;
