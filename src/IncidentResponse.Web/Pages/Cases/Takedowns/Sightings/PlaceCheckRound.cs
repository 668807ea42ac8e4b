using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>
/// Re-checks the places whose takedown is pending (reported, or removal asked for) in the cases whose owner turned
/// re-checks on (issue 24): each place at most once a day (<see cref="Every"/>), claimed in the database first (its
/// <see cref="Sighting.NextCheckUtc"/> moved forward only if no one else moved it), so several instances never check
/// the same place at once; one request per site at a time, a few seconds apart. Keeps the status and final address,
/// never marks anything removed: the person decides.
/// </summary>
public sealed partial class PlaceCheckRound(
    IServiceScopeFactory scopes, PlaceChecker checker, TimeProvider clock, ILogger<PlaceCheckRound> logger) : PeriodicRound(clock, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);
    public static readonly TimeSpan SameSiteGap = TimeSpan.FromSeconds(5);
    public const int PerRound = 50;

    private static readonly SightingStatus[] Pending = [SightingStatus.Reported, SightingStatus.RemovalRequested];

    /// <summary>Checks every place due now (up to <see cref="PerRound"/>) and returns how many this instance checked.</summary>
    public async Task<int> CheckDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The system checks every pending place of a case that chose it, a private entry's too (what it keeps stays hidden with the place).
        db.ShowPrivateItems = true;
        var due = await db.Sightings.AsNoTracking()
            .Where(s => Pending.Contains(s.Status) && (s.NextCheckUtc == null || s.NextCheckUtc <= now)
                && db.Cases.Any(c => c.Id == s.CaseId && c.PlaceChecksOn))
            .OrderBy(s => s.NextCheckUtc).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.CaseId, s.Url, s.NextCheckUtc })
            .Take(PerRound)
            .ToListAsync(cancellationToken);
        var lastBySite = new Dictionary<string, DateTime>(StringComparer.OrdinalIgnoreCase);
        var checkedCount = 0;
        foreach (var place in due)
        {
            // Claimed by this instance only if no other moved its next check since it was read.
            var claimed = await db.Sightings
                .Where(s => s.Id == place.Id && s.NextCheckUtc == place.NextCheckUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextCheckUtc, now + Every), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var site = Uri.TryCreate(place.Url, UriKind.Absolute, out var address) ? address.IdnHost : place.Url;
            if (lastBySite.TryGetValue(site, out var last) && Clock.GetUtcNow().UtcDateTime - last < SameSiteGap)
            {
                await Task.Delay(SameSiteGap, Clock, cancellationToken);
            }

            var check = await checker.CheckAsync(place.Url, cancellationToken);
            lastBySite[site] = Clock.GetUtcNow().UtcDateTime;
            db.PlaceChecks.Add(new PlaceCheckRecord
            {
                Id = Guid.CreateVersion7(Clock.GetUtcNow()),
                CaseId = place.CaseId,
                SightingId = place.Id,
                CheckedUtc = Clock.GetUtcNow().UtcDateTime,
                Outcome = check.Outcome,
                StatusCode = check.StatusCode,
                FinalUrl = Shorten(check.FinalUrl, PlaceCheckRecord.FinalUrlMaxLength),
                Reason = Shorten(check.Reason ?? "", PlaceCheckRecord.ReasonMaxLength),
            });
            await db.SaveChangesAsync(cancellationToken);
            checkedCount++;
        }

        return checkedCount;
    }

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunRoundAsync(CancellationToken stoppingToken) => LogRound(Logger, await CheckDueAsync(stoppingToken));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(EventId = 1095, Level = LogLevel.Information, Message = "Place checks: {Checked} places checked")]
    private static partial void LogRound(ILogger logger, int @checked);
}
