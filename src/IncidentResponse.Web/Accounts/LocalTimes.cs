using System.Globalization;
using System.Resources;
using IncidentResponse.Documents.Html;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// How a moment reads for the person signed in: in the time zone they chose once, with the zone named
/// ("4 Dec 2026, 21:15 London time"), or in UTC until they choose. One per request, filled in by
/// <see cref="LocalTimesFilter"/>; every page and document that shows a time asks this, so times read the same everywhere.
/// </summary>
public sealed class LocalTimes
{
    private const string DayAndTime = "d MMM yyyy, HH:mm";

    private TimeZoneInfo _info = TimeZoneInfo.Utc;

    public LocalTimes()
    {
    }

    public LocalTimes(string? zoneId) => Use(zoneId);

    /// <summary>The zone the person chose, or null while they have not chosen one (times then read in UTC).</summary>
    public TimeZoneChoice? Zone { get; private set; }

    public bool IsChosen => Zone is not null;

    /// <summary>True once this request's zone has been read (by the session check, <see cref="SessionStore"/>).</summary>
    public bool IsRead { get; private set; }

    /// <summary>Uses <paramref name="zoneId"/> if it is one of <see cref="TimeZoneChoices"/> and this computer knows it; otherwise UTC.</summary>
    public void Use(string? zoneId)
    {
        IsRead = true;
        Zone = null;
        _info = TimeZoneInfo.Utc;
        if (TimeZoneChoices.Find(zoneId) is not { } choice)
        {
            return;
        }

        try
        {
            _info = TimeZoneInfo.FindSystemTimeZoneById(choice.Id);
            Zone = choice;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            _info = TimeZoneInfo.Utc;
        }
    }

    /// <summary>
    /// For a page: "4 Dec 2026, 21:15 London time", or "4 Dec 2026, 21:15 UTC" until a zone is chosen, in the language
    /// of the request ("4 dic 2026, 21:15 hora de Londres").
    /// </summary>
    public string Moment(DateTime utc) =>
        Moment(utc, CultureInfo.CurrentCulture, Zone is null ? "UTC" : Localized.Text(ZoneWords, TimeZonePicker.TimeNameKey(Zone)));

    /// <summary>The moment as a document in English reads it (documents keep one language whoever prints them).</summary>
    private string EnglishMoment(DateTime utc) => Moment(utc, CultureInfo.InvariantCulture, Zone?.TimeName ?? "UTC");

    private string Moment(DateTime utc, CultureInfo culture, string zoneName) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _info).ToString(DayAndTime, culture) + " " + zoneName;

    /// <summary>The zones' time names in each language (FormText, beside the time zone choices they name).</summary>
    private static readonly ResourceManager ZoneWords = new(typeof(IncidentResponse.Web.Pages.Shared.FormText));

    /// <summary>
    /// For a document: UTC first, as a record should be, with the person's own time beside it once they have chosen a
    /// zone other than UTC: "2026-12-04 21:15:00 UTC (4 Dec 2026, 21:15 London time)".
    /// </summary>
    public string BesideUtc(DateTime utc)
    {
        var text = Formats.Utc(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return Zone is null || Zone.Id == TimeZoneChoices.Utc ? text : text + " (" + EnglishMoment(utc) + ")";
    }

    /// <summary>
    /// An incident's time given in another zone than the person's own, as the same moment in theirs ("5 Dec 2026,
    /// 11:30 Tokyo time"); null when it is already in their zone, has no time or zone, or they have not chosen one.
    /// </summary>
    public string? IncidentInOwnZone(DateOnly date, TimeOnly? time, string? zone)
    {
        var given = zone?.Trim() ?? "";
        if (Zone is null || time is null || given.Length == 0 || string.Equals(given, Zone.Id, StringComparison.Ordinal) || !IncidentTime.IsValidZone(given))
        {
            return null;
        }

        return Moment(IncidentTime.ToSortUtc(date, time, given));
    }

    /// <inheritdoc cref="BesideUtc(DateTime)"/>
    public string BesideUtc(DateTimeOffset moment) => BesideUtc(moment.UtcDateTime);
}

/// <summary>
/// Makes sure <see cref="LocalTimes"/> has the signed-in person's time zone before a page runs. The session check reads
/// it with the session (one query for both); this filter reads it only where that did not happen.
/// </summary>
public sealed class LocalTimesFilter(AppDbContext db, LocalTimes times) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!times.IsRead && SessionStore.TryRead(context.HttpContext.User, out var userId, out _) && !DatabaseOutage.IsSessionUnverified(context.HttpContext))
        {
            try
            {
                times.Use(await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone)
                    .FirstOrDefaultAsync(context.HttpContext.RequestAborted));
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
            {
                // A page that runs while the database is away (DatabaseOutage) still shows its times, in UTC.
            }
        }

        await next();
    }
}
