using System.Globalization;
using System.Resources;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Incidents;

/// <summary>How an incident reads on a page or in a document: its time, who did it, how worrying it feels.</summary>
public static class IncidentWording
{
    public static string ConcernText(int concern) => concern switch
    {
        >= 3 => "Very worrying",
        2 => "Quite worrying",
        _ => "A little worrying",
    };

    public static string PerpetratorText(PerpetratorKnown value, string name) => value switch
    {
        PerpetratorKnown.Known => string.IsNullOrWhiteSpace(name) ? "Someone you know" : name,
        PerpetratorKnown.Unknown => "Not known",
        _ => "Not sure",
    };

    private static readonly ResourceManager Resources = new(typeof(IncidentWording));

    /// <summary><see cref="ConcernText"/> as the person reads it on a page, in the request's language.</summary>
    public static string ConcernTextShown(int concern) => Localized.Text(Resources, "Concern." + Math.Clamp(concern, 1, 3).ToString(CultureInfo.InvariantCulture));

    /// <summary><see cref="PerpetratorText"/> as the person reads it on a page, in the request's language (a name stays as typed).</summary>
    public static string PerpetratorTextShown(PerpetratorKnown value, string name) => value switch
    {
        PerpetratorKnown.Known => string.IsNullOrWhiteSpace(name) ? Localized.Text(Resources, "Perpetrator.Known") : name,
        PerpetratorKnown.Unknown => Localized.Text(Resources, "Perpetrator.Unknown"),
        _ => Localized.Text(Resources, "Perpetrator.NotSure"),
    };

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string When(DateOnly date, TimeOnly? time, string zone, DateOnly? seriesEnd)
    {
        var text = Date(date);
        if (time is { } t)
        {
            text += ", " + t.ToString("HH:mm", CultureInfo.InvariantCulture) + ZoneText(zone);
        }

        return seriesEnd is { } end ? $"From {text} to {Date(end)}" : text;
    }

    /// <summary>
    /// For a document: <see cref="When"/>, with the same moment in UTC beside it when the time and its zone are known
    /// ("4 Dec 2026, 21:30 London time (4 Dec 2026, 21:30 UTC)").
    /// </summary>
    public static string WhenBesideUtc(DateOnly date, TimeOnly? time, string zone, DateOnly? seriesEnd)
    {
        var text = When(date, time, zone, seriesEnd);
        if (time is null || string.IsNullOrWhiteSpace(zone) || !IncidentTime.IsValidZone(zone) || seriesEnd is not null)
        {
            return text;
        }

        var utc = IncidentTime.ToSortUtc(date, time, zone);
        return text + " (" + utc.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC)";
    }

    /// <summary>How the zone an incident's time was given in reads after the time: " London time", " (+01:00)", or nothing.</summary>
    public static string ZoneText(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? ""
        : TimeZoneChoices.Find(zone.Trim()) is { } choice ? " " + choice.TimeName
        : " (" + zone.Trim() + ")";
}
