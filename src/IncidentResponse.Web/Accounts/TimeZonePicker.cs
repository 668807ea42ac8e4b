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

    /// <summary>The FormText resource with a place's words ("London (UK)") in the page's language.</summary>
    public static string LabelKey(TimeZoneChoice choice) => "Zone." + choice?.Id;

    /// <summary>The FormText resource with how a time in the place is named ("London time") in the page's language.</summary>
    public static string TimeNameKey(TimeZoneChoice choice) => "ZoneTime." + choice?.Id;

    /// <summary>The FormText resource with the name of a part of the world ("Africa and the Middle East").</summary>
    public static string RegionKey(string region) => "Zone.Region." + region?.Replace(" ", "", StringComparison.Ordinal);
}
