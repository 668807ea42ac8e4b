namespace IncidentResponse.Web.Cases;

/// <summary>The owner's private/shared switch on an entry or a file (<c>_PrivacyForm</c>).</summary>
public sealed record PrivacyFormModel(bool IsPrivate, string Noun);
