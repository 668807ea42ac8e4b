namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>
/// The words of the places-found pages (the list, adding places, one place and its history, the service's re-checks):
/// <c>SightingsText.resx</c> in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). The views read them as
/// <c>T["Key"]</c>; the page models and validators through <c>IStringLocalizer&lt;SightingsText&gt;</c>.
/// </summary>
public sealed class SightingsText;
