namespace IncidentResponse.Web.Pages.Shared;

/// <summary>
/// The words of the layout and of the partials every feature shares (Quick exit, the header, the idle warning, the
/// error summary): <c>SharedText.resx</c> in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). Views read
/// them as <c>S["Key"]</c>.
/// </summary>
public sealed class SharedText;
