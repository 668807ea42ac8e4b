using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentResponse.Domain.Incidents;

/// <summary>Dates and time zones as a survivor gives them: an IANA zone name or a UTC offset, both optional.</summary>
public static partial class IncidentTime
{
    /// <summary>The furthest-ahead time zone is UTC+14: a date is "in the future" only once it has started nowhere.</summary>
    public static DateOnly LatestPossibleToday(DateTime nowUtc) => DateOnly.FromDateTime(nowUtc.AddHours(14));

    /// <summary>Empty, an IANA zone ("Europe/London", "UTC") or an offset ("+01:00", "-0530", "UTC+2").</summary>
    public static bool IsValidZone(string? zone) => string.IsNullOrWhiteSpace(zone) || TryOffset(zone.Trim(), out _) || TryZone(zone.Trim(), out _);

    /// <summary>The moment for ordering: converted to UTC when the zone is known, otherwise the local time taken as UTC.</summary>
    public static DateTime ToSortUtc(DateOnly date, TimeOnly? time, string? zone)
    {
        var local = date.ToDateTime(time ?? TimeOnly.MinValue, DateTimeKind.Unspecified);
        var trimmed = zone?.Trim() ?? "";
        if (time is not null && TryOffset(trimmed, out var offset))
        {
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        if (time is not null && TryZone(trimmed, out var info) && !info.IsInvalidTime(local))
        {
            return TimeZoneInfo.ConvertTimeToUtc(local, info);
        }

        return DateTime.SpecifyKind(local, DateTimeKind.Utc);
    }

    private static bool TryZone(string zone, out TimeZoneInfo info)
    {
        info = TimeZoneInfo.Utc;
        if (zone.Length == 0 || zone.Length > Incident.TimeZoneMaxLength)
        {
            return false;
        }

        try
        {
            info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var match = OffsetPattern().Match(zone);
        if (!match.Success)
        {
            return false;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        return true;
    }

    [GeneratedRegex(@"^(?:UTC|GMT)?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
