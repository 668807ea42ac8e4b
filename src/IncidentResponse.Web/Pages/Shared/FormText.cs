namespace IncidentResponse.Web.Pages.Shared;

/// <summary>
/// The words of the shared form partials (the error summary, the time zone picker: its places, parts of the world and
/// the names of their times), in <c>FormText.resx</c> with <c>.es</c> and <c>.fr</c> beside it. The partials read them
/// as <c>F["Key"]</c>.
/// </summary>
public sealed class FormText;
