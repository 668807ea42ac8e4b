using System.Globalization;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Pages.Cases.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Operator.Demo;

/// <summary>
/// Fills a demo case with fictional, realistic content through the same domain, vault and audit code the pages use:
/// incidents across platforms, sightings in every takedown status, and screenshot-sized PNG and JPEG evidence (the
/// JPEGs with Exif metadata). Deterministic for a given size, so benchmarks compare like with like.
/// </summary>
public sealed class DemoCase(AppDbContext db, AuditTrail audit, EvidenceReceiver evidence, TimeProvider clock)
{
    private const int BatchSize = 250;

    private static readonly IncidentKind[] Kinds = Enum.GetValues<IncidentKind>();

    private static readonly string[] PlatformKeys =
        Platforms.All.Select(p => p.Key).Where(k => k != Platforms.Other).ToArray();

    private static readonly string[] Narratives =
    [
        "A post with one of the images appeared on a public page, with a caption naming me.",
        "A direct message from a new account saying more images would be posted unless I replied.",
        "A threat to send the images to my workplace.",
        "A demand for money, with a deadline, from an account I don't recognise.",
        "An account using my name and photos, following my friends.",
        "My home town and employer were posted under one of the images.",
        "Someone I know told me they had seen the images in a group chat.",
    ];

    private static readonly SightingStatus[][] StatusPaths =
    [
        [],
        [SightingStatus.Saved],
        [SightingStatus.Saved, SightingStatus.Reported],
        [SightingStatus.Saved, SightingStatus.Reported, SightingStatus.RemovalRequested],
        [SightingStatus.Saved, SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Removed],
        [SightingStatus.Saved, SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Refused],
        [SightingStatus.Saved, SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Removed, SightingStatus.Reappeared],
    ];

    public async Task FillAsync(Guid caseId, Guid ownerId, int incidents, int images, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < incidents; i++)
        {
            await AddIncidentAsync(caseId, ownerId, i, incidents, now, cancellationToken);
            if ((i + 1) % BatchSize == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The demo's survivor is an adult whose images were made when they were an adult: only then are files kept.
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.UnderEighteenNow, AgeAnswer.No).SetProperty(c => c.MadeUnderEighteen, AgeAnswer.No),
            cancellationToken);
        for (var i = 0; i < images; i++)
        {
            await AddImageAsync(caseId, ownerId, i, DateOnly.FromDateTime(now), cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The <paramref name="i"/>th of <paramref name="count"/> incidents, its place, and that place's way through the takedown statuses.</summary>
    private async Task AddIncidentAsync(Guid caseId, Guid ownerId, int i, int count, DateTime now, CancellationToken cancellationToken)
    {
        var fields = IncidentFields(i, count, DateOnly.FromDateTime(now));
        var incident = Incident.Add(caseId, fields, ownerId, now);
        db.Incidents.Add(incident);
        await audit.RecordAsync(caseId, ownerId, AuditActions.IncidentAdded, nameof(Incident), incident.Id.ToString(), cancellationToken: cancellationToken);

        var url = UrlList.Parse(fields.Url).Accepted.Single();
        var sighting = Sighting.Add(caseId, url, ownerId, now);
        sighting.IncidentId = incident.Id;
        db.Sightings.Add(sighting);
        await audit.RecordAsync(caseId, ownerId, AuditActions.SightingAdded, nameof(Sighting), sighting.Id.ToString(), cancellationToken: cancellationToken);
        foreach (var status in StatusPaths[i % StatusPaths.Length])
        {
            if (sighting.ChangeStatus(status, null, ownerId, now) is { } change)
            {
                db.SightingStatusChanges.Add(change);
                await audit.RecordAsync(caseId, ownerId, AuditActions.SightingStatusChanged, nameof(Sighting), sighting.Id.ToString(), status.ToString(), cancellationToken);
            }
        }
    }

    private static IncidentSnapshot IncidentFields(int i, int count, DateOnly today)
    {
        var platform = PlatformKeys[i % PlatformKeys.Length];
        var occurred = today.AddDays(-(count - i) % 700 - 1);
        DateOnly? seriesEnd = i % 25 == 0 && occurred.AddDays(14) < today ? occurred.AddDays(14) : null;
        return new IncidentSnapshot(
            Kinds[i % Kinds.Length],
            occurred,
            new TimeOnly(9 + (i % 12), (i * 7) % 60),
            "Europe/London",
            seriesEnd,
            occurred.AddDays(i % 5) < today ? occurred.AddDays(i % 5) : occurred,
            platform,
            string.Create(CultureInfo.InvariantCulture, $"https://{platform}.example/post/{1000 + i}"),
            string.Create(CultureInfo.InvariantCulture, $"@account{i % 37}"),
            i % 3 == 0 ? PerpetratorKnown.Known : PerpetratorKnown.Unknown,
            i % 3 == 0 ? "A former partner" : "",
            Narratives[i % Narratives.Length],
            "Screenshot taken the same day, showing the address and time.",
            i % 3 == 0 ? "The writing style and the photos only they had." : "",
            "",
            i % 4 == 0 ? "The account's creation date." : "",
            1 + (i % 3));
    }

    /// <summary>The <paramref name="i"/>th evidence image, received and kept as an upload would be.</summary>
    private async Task AddImageAsync(Guid caseId, Guid ownerId, int i, DateOnly today, CancellationToken cancellationToken)
    {
        // Every other image is a JPEG carrying the device and the place it was taken, as a phone's would.
        var jpeg = i % 2 == 1;
        await using var image = new MemoryStream(jpeg ? DemoImages.ScreenshotJpeg(1080, 1920, i) : DemoImages.ScreenshotPng(1080, 1920, i));
        var intake = await evidence.ReceiveAsync(caseId, image, cancellationToken);
        await using var received = intake.Received
            ?? throw new InvalidOperationException($"The demo image was refused: {intake.Refusal} {intake.Detail}");
        await evidence.KeepAsync(caseId, ownerId, received, new EvidenceDescription(
            string.Create(CultureInfo.InvariantCulture, $"{(jpeg ? "IMG" : "Screenshot")}_{20260101 + i}.{(jpeg ? "jpg" : "png")}"),
            string.Create(CultureInfo.InvariantCulture, $"https://{PlatformKeys[i % PlatformKeys.Length]}.example/post/{1000 + i}"),
            today.AddDays(-(i % 30) - 1),
            new TimeOnly(10, i % 60),
            jpeg ? "A photo of the post on another phone's screen." : "A full-page screenshot showing the post, its address and the time.",
            null), cancellationToken);
    }
}
