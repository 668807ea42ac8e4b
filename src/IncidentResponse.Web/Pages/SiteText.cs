namespace IncidentResponse.Web.Pages;

/// <summary>The words of the pages at the site's root (the welcome page, the error page): <c>SiteText.resx</c> and its languages (ADR 0030).</summary>
public sealed class SiteText;
