using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Trusted timestamps of the history (issue 24, ADR 0033), against a time-stamping authority on loopback: a binder asks
/// for one and prints it with the OpenSSL commands that check it (run here as printed), the token signs the history's
/// content digest, and it fails for another case's history or for a history changed after it, even one re-chained with
/// the key. An authority that is down leaves the binder made; the daily round stamps a changed case at most once a day.
/// </summary>
public abstract class TrustedTimestampTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture, ITimestampedApp
{
    protected TApp App => app;

    [Fact]
    public async Task A_binder_prints_a_token_of_the_history_that_the_printed_openssl_commands_accept()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm());
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");

        var binder = await BinderForm.ViewAsync(owner, caseId, ["Verification"]);

        Assert.Equal(HttpStatusCode.OK, binder.Status);
        var stamp = await SingleStampAsync(caseId);
        var digests = await DigestsAsync(caseId);
        Assert.Equal(digests[stamp.Sequence], stamp.Digest);
        var printedDigest = Cells(binder, "Content digest it signs").Single();
        Assert.Equal(Convert.ToHexStringLower(stamp.Digest), printedDigest);
        var printedToken = string.Concat(Cells(binder, "Token (RFC 3161, base64)"));
        Assert.Equal(Convert.ToBase64String(stamp.Token), printedToken);
        Assert.Contains("Signed by " + app.Authority.Url.AbsoluteUri, Squeezed(binder.MainText), StringComparison.Ordinal);

        // The commands as printed, on what the binder prints and the authority's root: a reader needs nothing of ours.
        var folder = Directory.CreateTempSubdirectory("ir-tst-").FullName;
        await File.WriteAllLinesAsync(Path.Combine(folder, "token.b64"), Cells(binder, "Token (RFC 3161, base64)"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tsa-root.pem"), app.Authority.RootPem);
        var commands = Cells(binder, "OpenSSL command");
        Assert.Equal(2, commands.Count);
        Assert.Equal(0, (await OpenSslAsync(folder, commands[0])).ExitCode);
        var verified = await OpenSslAsync(folder, commands[1]);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("Verification: OK", verified.Output, StringComparison.Ordinal);

        // And what verify-audit checks with: the token signs this history, by a signer chaining to the root.
        Assert.Null(AuditTimestamps.Problem(stamp, digests, [app.Authority.Root]));
    }

    [Fact]
    public async Task A_token_fails_for_another_history_and_for_this_one_changed_after_it_even_re_chained_with_the_key()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm());
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        Assert.Equal(HttpStatusCode.OK, (await BinderForm.ViewAsync(owner, caseId, ["Verification"])).Status);
        var stamp = await SingleStampAsync(caseId);
        var (other, _, otherCase) = await app.NewSurvivorWithCaseAsync();
        using var __ = other;
        await other.AddIncidentAsync(otherCase, app.IncidentForm());
        await other.AddIncidentAsync(otherCase, app.IncidentForm());

        // Another case's history, as long or longer: the token does not sign it.
        var otherDigests = await DigestsAsync(otherCase);
        Assert.True(otherDigests.ContainsKey(stamp.Sequence));
        Assert.Contains("does not sign the history", AuditTimestamps.Problem(stamp, otherDigests), StringComparison.Ordinal);

        // This history with one event changed and every hash after it made again with the audit key: the keyed chain is
        // intact (only the key holder could do this), the token is not.
        await using var db = app.CreateDbContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
        var key = app.Services.GetRequiredService<AuditChainKey>();
        var previous = AuditChain.GenesisHash;
        var rewritten = new List<ChainedAuditEvent>();
        foreach (var record in events)
        {
            var changed = record.Sequence == 1 ? record.ToEvent() with { Details = record.Details + " rewritten" } : record.ToEvent();
            var hash = AuditChain.Compute(key, previous, changed);
            rewritten.Add(new ChainedAuditEvent(changed, previous, hash));
            previous = hash;
        }

        Assert.True(AuditChain.VerifyCase(key, caseId, rewritten, AuditChain.Head(key, caseId, rewritten[^1])).IsIntact);
        Assert.Contains($"up to event #{stamp.Sequence}", AuditTimestamps.Problem(stamp, AuditTimestamps.ContentDigests(rewritten.Select(e => e.Event))), StringComparison.Ordinal);

        // A token whose event was deleted, and one that is not a token at all.
        Assert.Contains("no longer has", AuditTimestamps.Problem(stamp, AuditTimestamps.ContentDigests(events.Take((int)stamp.Sequence - 1).Select(e => e.ToEvent()))), StringComparison.Ordinal);
        var damaged = new AuditTimestamp { Sequence = stamp.Sequence, Digest = stamp.Digest, Token = stamp.Token[..^40] };
        Assert.Equal("its token cannot be read", AuditTimestamps.Problem(damaged, await DigestsAsync(caseId)));

        // A signer from another authority is refused when the trusted roots are given.
        await using var stranger = await TestTimestampAuthority.StartAsync("Another Authority");
        Assert.Contains("not one of the trusted", AuditTimestamps.Problem(stamp, await DigestsAsync(caseId), [stranger.Root]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authority_that_is_down_leaves_the_binder_made_and_saying_so_and_no_token_kept()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        app.Authority.Down = true;
        try
        {
            var binder = await BinderForm.ViewAsync(owner, caseId, ["Verification"]);

            Assert.Equal(HttpStatusCode.OK, binder.Status);
            Assert.Contains("Trusted timestamp: The time-stamping authority did not give a timestamp this time.", Squeezed(binder.MainText), StringComparison.Ordinal);
            await using var db = app.CreateDbContext();
            Assert.False(await db.AuditTimestamps.AnyAsync(t => t.CaseId == caseId));
        }
        finally
        {
            app.Authority.Down = false;
        }
    }

    [Fact]
    public async Task The_daily_round_stamps_a_changed_case_at_most_once_a_day()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var round = app.Services.GetRequiredService<TrustedTimestampRound>();

        await round.StampDueAsync(CancellationToken.None);
        var first = await SingleStampAsync(caseId);
        await owner.AddIncidentAsync(caseId, app.IncidentForm());
        await round.StampDueAsync(CancellationToken.None);
        Assert.Equal(first.Id, (await SingleStampAsync(caseId)).Id);

        app.Clock.Advance(TimestampAuthorityOptions.AtMostEvery + TimeSpan.FromMinutes(1));
        await round.StampDueAsync(CancellationToken.None);
        await using var db = app.CreateDbContext();
        var stamps = await db.AuditTimestamps.Where(t => t.CaseId == caseId).OrderBy(t => t.Sequence).ToListAsync();
        Assert.Equal(2, stamps.Count);
        var digests = await DigestsAsync(caseId);
        Assert.Equal(digests.Keys.Max(), stamps[1].Sequence);
        Assert.All(stamps, s => Assert.Null(AuditTimestamps.Problem(s, digests, [app.Authority.Root])));

        // Unchanged since its last token: not stamped again, however long it waits.
        app.Clock.Advance(TimestampAuthorityOptions.AtMostEvery * 3);
        await round.StampDueAsync(CancellationToken.None);
        Assert.Equal(2, await db.AuditTimestamps.CountAsync(t => t.CaseId == caseId));
    }

    private async Task<AuditTimestamp> SingleStampAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditTimestamps.AsNoTracking().SingleAsync(t => t.CaseId == caseId);
    }

    private async Task<IReadOnlyDictionary<long, byte[]>> DigestsAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
        return AuditTimestamps.ContentDigests(events.Select(e => e.ToEvent()));
    }

    /// <summary>The cells under the column headed <paramref name="header"/>, in every table that has one.</summary>
    private static List<string> Cells(AppClient.PageResult page, string header) =>
        [.. page.Document.QuerySelectorAll("table").SelectMany(table =>
        {
            var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
            var column = headers.IndexOf(header);
            return column < 0 ? [] : table.QuerySelectorAll("tbody tr").Select(row => row.QuerySelectorAll("td")[column].TextContent.Trim());
        })];

    private static async Task<(int ExitCode, string Output)> OpenSslAsync(string folder, string command)
    {
        Assert.StartsWith("openssl ", command, StringComparison.Ordinal);
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command["openssl ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>An app whose time-stamping authority is a <see cref="TestTimestampAuthority"/> of its own.</summary>
public interface ITimestampedApp
{
    TestTimestampAuthority Authority { get; }
}

public sealed class TimestampedSqliteApp : SqliteApp, ITimestampedApp
{
    public TimestampedSqliteApp()
    {
        Authority = TestTimestampAuthority.StartAsync().GetAwaiter().GetResult();
        Set("Security:TimestampAuthorityUrl", Authority.Url.AbsoluteUri);
    }

    public TestTimestampAuthority Authority { get; }

    protected override async Task AfterDisposeAsync() => await Authority.DisposeAsync();
}

public sealed class TimestampedPostgresApp : PostgresApp, ITimestampedApp
{
    public TimestampedPostgresApp()
    {
        Authority = TestTimestampAuthority.StartAsync().GetAwaiter().GetResult();
        Set("Security:TimestampAuthorityUrl", Authority.Url.AbsoluteUri);
    }

    public TestTimestampAuthority Authority { get; }

    protected override async Task AfterDisposeAsync() => await Authority.DisposeAsync();
}

public sealed class TrustedTimestampTestsOnSqlite(TimestampedSqliteApp app) : TrustedTimestampTests<TimestampedSqliteApp>(app);

public sealed class TrustedTimestampTestsOnPostgres(TimestampedPostgresApp fixture) : TrustedTimestampTests<TimestampedPostgresApp>(fixture)
{
    /// <summary>
    /// <c>verify-audit</c>, run as an operator runs it, checks every token: it passes them, and names the case whose token
    /// is another history's (a token moved onto it), without a word of the case.
    /// </summary>
    [Fact]
    public async Task Verify_audit_checks_every_token_against_its_history()
    {
        var (owner, _, caseId) = await App.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, App.IncidentForm());
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        Assert.Equal(HttpStatusCode.OK, (await BinderForm.ViewAsync(owner, caseId, ["Verification"])).Status);
        var roots = Path.Combine(App.DataDirectory, "tsa-roots.pem");
        await File.WriteAllTextAsync(roots, App.Authority.RootPem);
        var settings = new AppProcessSettings(App.ConnectionString, App.DataDirectory, App.MasterKeyBase64)
        {
            MigrateOnStartup = false,
            Extra = new Dictionary<string, string> { ["Security:TimestampAuthorityCertificates"] = roots },
        };

        var intact = await AppProcess.RunCommandAsync(settings, "verify-audit");
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Matches(@"[1-9]\d* trusted timestamps", intact.Output);

        var (other, _, otherCase) = await App.NewSurvivorWithCaseAsync();
        using var __ = other;
        await other.AddIncidentAsync(otherCase, App.IncidentForm());
        await using (var db = App.CreateDbContext())
        {
            var stamp = await db.AuditTimestamps.AsNoTracking().FirstAsync(t => t.CaseId == caseId);
            db.AuditTimestamps.Add(new AuditTimestamp
            {
                Id = Guid.NewGuid(),
                CaseId = otherCase,
                Sequence = stamp.Sequence,
                Digest = stamp.Digest,
                Token = stamp.Token,
                StampedUtc = stamp.StampedUtc,
                KeptUtc = stamp.KeptUtc,
                Authority = stamp.Authority,
            });
            await db.SaveChangesAsync();
        }

        var broken = await AppProcess.RunCommandAsync(settings, "verify-audit");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"BROKEN case {otherCase}: the trusted timestamp of ", broken.Output, StringComparison.Ordinal);
        Assert.Contains("does not sign the history as it is now", broken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"BROKEN case {caseId}", broken.Output, StringComparison.Ordinal);
    }
}
