using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Where trusted timestamps come from (ADR 0033): <c>Security:TimestampAuthorityUrl</c> (none: no timestamps are asked
/// for), optionally <c>Security:TimestampAuthorityCertificates</c> (a PEM file of the roots its tokens must chain to,
/// checked by <c>verify-audit</c>) and <c>Security:TimestampTimeout</c> (10 s).
/// </summary>
public sealed class TimestampAuthorityOptions
{
    public Uri? Url { get; init; }

    public string? CertificatesPath { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A case that changed is stamped again at most this often by the daily round.</summary>
    public static readonly TimeSpan AtMostEvery = TimeSpan.FromDays(1);

    public static TimestampAuthorityOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = configuration["Security:TimestampAuthorityUrl"];
        return new TimestampAuthorityOptions
        {
            Url = string.IsNullOrWhiteSpace(url) ? null
                : Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed
                : throw new InvalidOperationException("Security:TimestampAuthorityUrl must be an http:// or https:// address."),
            CertificatesPath = string.IsNullOrWhiteSpace(configuration["Security:TimestampAuthorityCertificates"]) ? null : configuration["Security:TimestampAuthorityCertificates"],
            Timeout = configuration.GetValue("Security:TimestampTimeout", TimeSpan.FromSeconds(10)),
        };
    }

    /// <summary>The roots tokens must chain to, or null when none are configured (the signature alone is checked).</summary>
    public X509Certificate2Collection? TrustedRoots()
    {
        if (CertificatesPath is null)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(CertificatesPath);
        return roots;
    }
}

/// <summary>A case's history stamped at one event, or why it could not be (the authority did not answer).</summary>
public sealed record TimestampOutcome(AuditTimestamp? Stamp, string? Problem);

/// <summary>
/// Asks the configured time-stamping authority to sign a case's history (its content digest at the newest event), keeps
/// the token, and hands back the one kept for that event when there is one already. Only a digest leaves the server;
/// nothing of the case reaches the log.
/// </summary>
public sealed partial class TrustedTimestamper(
    IServiceScopeFactory scopes, IHttpClientFactory http, TimestampAuthorityOptions options, TimeProvider clock, ILogger<TrustedTimestamper> logger)
{
    public const string HttpClientName = "timestamp-authority";

    public bool IsConfigured => options.Url is not null;

    /// <summary>
    /// The token of this history at its newest event (<paramref name="eventsInOrder"/>, all of the case's): the one
    /// kept, or a new one from the authority. Null when no authority is configured or the case has no events.
    /// </summary>
    public async Task<TimestampOutcome?> StampAsync(Guid caseId, IReadOnlyList<AuditEvent> eventsInOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventsInOrder);
        if (options.Url is null || eventsInOrder.Count == 0)
        {
            return null;
        }

        var sequence = eventsInOrder[^1].Sequence;
        var digest = AuditTimestamps.ContentDigests(eventsInOrder)[sequence];
        return await StampAsync(caseId, sequence, digest, cancellationToken);
    }

    /// <summary>Stamps <paramref name="digest"/>, the history's content digest at <paramref name="sequence"/>, unless a token for it is kept.</summary>
    public async Task<TimestampOutcome> StampAsync(Guid caseId, long sequence, byte[] digest, CancellationToken cancellationToken)
    {
        var authority = options.Url ?? throw new InvalidOperationException("No time-stamping authority is configured.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var kept = await KeptAsync(db, caseId, sequence, cancellationToken);
        if (kept is not null)
        {
            // The token kept for this event signs the history as it was then; a history changed since does not get it.
            return kept.Digest.AsSpan().SequenceEqual(digest) ? new TimestampOutcome(kept, null)
                : new TimestampOutcome(null, "The history has changed since it was stamped at this point.");
        }

        var clockStarted = Stopwatch.GetTimestamp();
        Domain.Audit.AuditTimestamp stamp;
        try
        {
            stamp = await AskAsync(authority, caseId, sequence, digest, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or CryptographicException or OperationCanceledException)
        {
            LogFailed(logger, exception.GetType().Name, (long)Stopwatch.GetElapsedTime(clockStarted).TotalMilliseconds);
            return new TimestampOutcome(null, "The time-stamping authority did not give a timestamp this time.");
        }

        db.AuditTimestamps.Add(stamp);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is DbException)
        {
            // Another request stamped the same point at the same moment: its token is the one kept.
            db.ChangeTracker.Clear();
            var first = await KeptAsync(db, caseId, sequence, cancellationToken);
            if (first is null)
            {
                throw;
            }

            stamp = first;
        }

        LogStamped(logger, (long)Stopwatch.GetElapsedTime(clockStarted).TotalMilliseconds);
        return new TimestampOutcome(stamp, null);
    }

    private static Task<Domain.Audit.AuditTimestamp?> KeptAsync(AppDbContext db, Guid caseId, long sequence, CancellationToken cancellationToken) =>
        db.AuditTimestamps.AsNoTracking().SingleOrDefaultAsync(t => t.CaseId == caseId && t.Sequence == sequence, cancellationToken);

    private async Task<Domain.Audit.AuditTimestamp> AskAsync(Uri authority, Guid caseId, long sequence, byte[] digest, CancellationToken cancellationToken)
    {
        var request = AuditTimestamps.Request(digest);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsync(authority, content, timeout.Token);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var token = AuditTimestamps.Accept(request, answer);
        return new Domain.Audit.AuditTimestamp
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CaseId = caseId,
            Sequence = sequence,
            Digest = digest,
            Token = token.AsSignedCms().Encode(),
            StampedUtc = token.TokenInfo.Timestamp.UtcDateTime,
            KeptUtc = clock.GetUtcNow().UtcDateTime,
            Authority = authority.AbsoluteUri,
        };
    }

    [LoggerMessage(EventId = 1090, Level = LogLevel.Information, Message = "Trusted timestamp kept ({Milliseconds} ms)")]
    private static partial void LogStamped(ILogger logger, long milliseconds);

    [LoggerMessage(EventId = 1091, Level = LogLevel.Warning, Message = "The time-stamping authority gave no timestamp ({Error}, {Milliseconds} ms)")]
    private static partial void LogFailed(ILogger logger, string error, long milliseconds);
}

/// <summary>
/// Stamps, once an hour, each case whose history changed since its last token and whose last token is a day old or more
/// (or that has none): "at most daily while the case changes" (ADR 0033). Registered only with an authority configured.
/// </summary>
public sealed partial class TrustedTimestampRound(
    IServiceScopeFactory scopes, TrustedTimestamper stamper, TimeProvider clock, ILogger<TrustedTimestampRound> logger) : PeriodicRound(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    /// <summary>Stamps every case due now and returns how many were stamped.</summary>
    public async Task<int> StampDueAsync(CancellationToken cancellationToken)
    {
        var since = Clock.GetUtcNow().UtcDateTime - TimestampAuthorityOptions.AtMostEvery;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.AuditHeads.AsNoTracking()
            .Where(h => h.Sequence > 0 && !db.AuditTimestamps.Any(t => t.CaseId == h.CaseId && (t.Sequence >= h.Sequence || t.KeptUtc > since)))
            .Select(h => new { h.CaseId, h.Sequence })
            .ToListAsync(cancellationToken);
        var stamped = 0;
        foreach (var head in due)
        {
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.CaseId == head.CaseId && e.Sequence <= head.Sequence)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            var outcome = await stamper.StampAsync(head.CaseId, [.. events.Select(e => e.ToEvent())], cancellationToken);
            stamped += outcome?.Stamp is null ? 0 : 1;
        }

        return stamped;
    }

    protected override async Task RunRoundAsync(CancellationToken stoppingToken) => LogRound(Logger, await StampDueAsync(stoppingToken));

    [LoggerMessage(EventId = 1092, Level = LogLevel.Information, Message = "Trusted timestamps: {Stamped} histories stamped")]
    private static partial void LogRound(ILogger logger, int stamped);
}
