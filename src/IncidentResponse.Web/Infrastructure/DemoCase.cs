using System.Globalization;
using System.IO.Compression;
using System.Text;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Evidence;

namespace IncidentResponse.Web.Infrastructure;

/// <summary>
/// Fills a demo case with fictional, realistic content through the same domain, vault and audit code the pages use:
/// incidents across platforms, sightings in every takedown status, and screenshot-sized PNG evidence. Deterministic
/// for a given size, so benchmarks compare like with like.
/// </summary>
public sealed class DemoCase(AppDbContext db, AuditTrail audit, EvidenceService evidence, TimeProvider clock)
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
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < incidents; i++)
        {
            var platform = PlatformKeys[i % PlatformKeys.Length];
            var occurred = today.AddDays(-(incidents - i) % 700 - 1);
            DateOnly? seriesEnd = i % 25 == 0 && occurred.AddDays(14) < today ? occurred.AddDays(14) : null;
            var fields = new IncidentSnapshot(
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
            var incident = Incident.Add(caseId, fields, ownerId, now);
            db.Incidents.Add(incident);
            await audit.RecordAsync(caseId, ownerId, "incident.added", nameof(Incident), incident.Id.ToString(), cancellationToken: cancellationToken);

            var url = UrlList.Parse(fields.Url).Accepted.Single();
            var sighting = Sighting.Add(caseId, url, ownerId, now);
            sighting.IncidentId = incident.Id;
            db.Sightings.Add(sighting);
            await audit.RecordAsync(caseId, ownerId, "sighting.added", nameof(Sighting), sighting.Id.ToString(), cancellationToken: cancellationToken);
            foreach (var status in StatusPaths[i % StatusPaths.Length])
            {
                if (sighting.ChangeStatus(status, null, ownerId, now) is { } change)
                {
                    db.SightingStatusChanges.Add(change);
                    await audit.RecordAsync(caseId, ownerId, "sighting.status-changed", nameof(Sighting), sighting.Id.ToString(), status.ToString(), cancellationToken);
                }
            }

            if ((i + 1) % BatchSize == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        for (var i = 0; i < images; i++)
        {
            await using var png = new MemoryStream(ScreenshotPng(1080, 1920, i));
            var intake = await evidence.ReceiveAsync(caseId, png, refuseImagesAndVideos: false, cancellationToken);
            await using var received = intake.Received
                ?? throw new InvalidOperationException($"The demo image was refused: {intake.Refusal} {intake.Detail}");
            await evidence.KeepAsync(caseId, ownerId, received, new EvidenceDescription(
                string.Create(CultureInfo.InvariantCulture, $"Screenshot_{20260101 + i}.png"),
                string.Create(CultureInfo.InvariantCulture, $"https://{PlatformKeys[i % PlatformKeys.Length]}.example/post/{1000 + i}"),
                today.AddDays(-(i % 30) - 1),
                new TimeOnly(10, i % 60),
                "A full-page screenshot showing the post, its address and the time.",
                null), cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A phone-screenshot-like PNG: a header bar, text-like rows and a noisy "photo" block, so it compresses like a real
    /// screenshot (a few hundred kilobytes) rather than like a flat colour.
    /// </summary>
    public static byte[] ScreenshotPng(int width, int height, int seed)
    {
        var random = new Random(seed);
        var raw = new byte[height * ((width * 3) + 1)];
        var offset = 0;
        for (var y = 0; y < height; y++)
        {
            raw[offset++] = 0;
            for (var x = 0; x < width; x++)
            {
                byte r, g, b;
                if (y < 160)
                {
                    (r, g, b) = ((byte)(40 + (seed * 17 % 80)), 60, 120);
                }
                else if (y > 500 && y < 1300 && x > 60 && x < width - 60)
                {
                    var n = random.Next(48);
                    (r, g, b) = ((byte)(120 + n + (x / 12)), (byte)(100 + n + (y / 20)), (byte)(90 + n));
                }
                else if ((y / 40) % 3 == 0 && x > 60 && x < 60 + ((y * 37 + seed) % (width - 120)))
                {
                    (r, g, b) = (70, 70, 70);
                }
                else
                {
                    (r, g, b) = (250, 250, 250);
                }

                raw[offset++] = r;
                raw[offset++] = g;
                raw[offset++] = b;
            }
        }

        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typeBytes, data));
        output.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int at, uint value)
    {
        buffer[at] = (byte)(value >> 24);
        buffer[at + 1] = (byte)(value >> 16);
        buffer[at + 2] = (byte)(value >> 8);
        buffer[at + 3] = (byte)value;
    }

    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var part in new[] { type, data })
        {
            foreach (var value in part)
            {
                crc ^= value;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }
        }

        return ~crc;
    }
}
