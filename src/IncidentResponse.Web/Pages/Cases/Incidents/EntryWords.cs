using System.Globalization;
using System.Resources;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Pages.Shared;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// An entry's dates and times as the person reads them on a page, in the request's language: the page-facing twins of
/// <see cref="IncidentWording.Date"/>, <see cref="IncidentWording.When"/> and <see cref="ContactWording.Deadline"/>,
/// which the binder keeps in English (ADR 0030).
/// </summary>
public static class EntryWords
{
    private static readonly ResourceManager Text = new(typeof(IncidentsText));

    /// <summary>The zones' time names in each language (FormText, beside the time zone choices they name).</summary>
    private static readonly ResourceManager ZoneWords = new(typeof(FormText));

    /// <summary>"4 Dec 2026" ("4 dic 2026", "4 déc. 2026").</summary>
    public static string Date(DateOnly date) => Localized.Format(Text, "Words.Date", date);

    /// <summary>"4 Dec 2026, 21:30 London time", or "From 1 Dec 2026 to 4 Dec 2026" for a series.</summary>
    public static string When(DateOnly date, TimeOnly? time, string zone, DateOnly? seriesEnd)
    {
        var text = time is { } t ? Date(date) + ", " + t.ToString("HH:mm", CultureInfo.InvariantCulture) + ZoneText(zone) : Date(date);
        return seriesEnd is { } end ? Localized.Format(Text, "Words.Series", text, Date(end)) : text;
    }

    /// <summary>A deadline as the entry gave it, in the entry's own time zone.</summary>
    public static string Deadline(DateOnly date, TimeOnly? time, string zone = "") =>
        time is { } at ? Date(date) + ", " + at.ToString("HH:mm", CultureInfo.InvariantCulture) + ZoneText(zone) : Date(date);

    /// <summary>How the zone reads after the time: " London time" (" hora de Londres"), " (+01:00)", or nothing.</summary>
    public static string ZoneText(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? ""
        : TimeZoneChoices.Find(zone.Trim()) is { } choice ? " " + Localized.Text(ZoneWords, TimeZonePicker.TimeNameKey(choice))
        : " (" + zone.Trim() + ")";
}
