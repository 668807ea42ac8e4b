using IncidentResponse.Domain.Accounts;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// What the time zone picker (<c>Pages/Shared/_TimeZoneOptions.cshtml</c>) offers: every <see cref="TimeZoneChoices"/>
/// by part of the world, an empty first choice worded for the form, and a value saved or typed earlier that is not in
/// the list (an offset such as "+01:00"), kept as it was so nothing typed is lost.
/// </summary>
public sealed record TimeZonePicker(string? Selected, string EmptyText)
{
    public string? Unlisted =>
        string.IsNullOrWhiteSpace(Selected) || TimeZoneChoices.IsKnown(Selected.Trim()) ? null : Selected.Trim();

    public bool IsSelected(TimeZoneChoice choice) =>
        string.Equals(Selected?.Trim(), choice.Id, StringComparison.Ordinal);
}
