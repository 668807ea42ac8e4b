using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// A binder PDF is a job (ADR 0024): the press answers at once with a progress page the person can reload or leave,
/// the PDF is kept sealed until they download it, and a second host on the same database sees the same job.
/// </summary>
[RunsLong(33)]
public abstract class BinderJobTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Trait("Category", "Chromium")]
    [Fact]
    public async Task The_press_goes_to_a_progress_page_that_survives_a_reload_and_ends_in_a_sealed_binder_only_you_can_download()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var picture = TestImages.Png(200, 120);
        var evidenceId = await owner.AddEvidenceAsync(caseId, picture, "job-screenshot.png");
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");

        using var pressed = await PressAsync(owner, caseId, evidenceId, "Job binder title");
        var job = BinderJobClient.JobAddress(pressed);
        Assert.NotNull(job);
        Assert.Matches($"^/cases/{caseId}/binder/jobs/[0-9a-f-]{{36}}$", job);

        // The page answers at once, and again on a reload, with the part being made and a bar with words for it.
        foreach (var load in new[] { 1, 2 })
        {
            var page = await owner.GetAsync(job);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("no-store", page.Header("Cache-Control"), StringComparison.Ordinal);
            Assert.DoesNotContain("Job binder title", page.Html, StringComparison.Ordinal);
            Assert.True(page.Document.QuerySelector("progress") is not null || page.Document.QuerySelector("#download-job") is not null, $"Load {load}: {page.MainText}");
        }

        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(owner.Http, job));
        var status = await BinderJobClient.StatusAsync(owner.Http, job);
        Assert.Equal((1, 1, 100), (status.Done, status.Total, status.Percent));

        // Listed on the binder page, so the person can come back to it.
        var binderPage = await owner.GetAsync($"/cases/{caseId}/binder");
        Assert.NotNull(binderPage.Document.QuerySelector($"#binder-jobs a[href='{job}']"));

        // The file kept on the server is sealed: no PDF, no title, no picture in it.
        Guid blobId;
        await using (var db = app.CreateDbContext())
        {
            blobId = (await db.BinderJobs.SingleAsync(j => j.CaseId == caseId)).BlobId!.Value;
        }

        var kept = Directory.GetFiles(Path.Combine(app.DataDirectory, "binders"), $"{blobId:N}*", SearchOption.AllDirectories);
        var sealedFile = Assert.Single(kept);
        var sealedBytes = await File.ReadAllBytesAsync(sealedFile);
        Assert.False(sealedBytes.AsSpan().StartsWith("%PDF"u8));
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("Job binder title"u8));

        using var download = await owner.Http.GetAsync(job + "?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        Assert.StartsWith("attachment", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var pdf = PdfTools.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Job binder title", pdf.Text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(picture)), PdfTools.FlatText(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == AuditActions.BinderMade));
            var row = await db.BinderJobs.SingleAsync(j => j.CaseId == caseId);
            Assert.Null(row.SealedChoices);
        }

        // "It downloaded: delete it from the server": the row and the sealed file go, and the page with them.
        var deleted = await owner.SubmitAsync(job, new Dictionary<string, string>(), "handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.False(File.Exists(sealedFile));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(job)).Status);
        await using var after = app.CreateDbContext();
        Assert.False(await after.BinderJobs.AnyAsync(j => j.CaseId == caseId));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_second_press_while_a_binder_is_being_made_goes_to_that_one_and_the_page_says_it_is_waiting()
    {
        var (owner, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var held = await PlantJobAsync(caseId, username, BinderJobState.Queued, heartbeat: null);
        // A job this instance will not take: marked running by a live instance (its heartbeat is now).
        await using (var db = app.CreateDbContext())
        {
            await db.BinderJobs.Where(j => j.Id == held).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BinderJobState.Running).SetProperty(j => j.HeartbeatUtc, app.Clock.GetUtcNow().UtcDateTime));
        }

        using var pressed = await PressAsync(owner, caseId, null, "Evidence record");

        Assert.Equal($"/cases/{caseId}/binder/jobs/{held}", BinderJobClient.JobAddress(pressed));
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.BinderJobs.CountAsync(j => j.CaseId == caseId));
        // No instance is making it: taken away, so later tests see no binder being made.
        await check.BinderJobs.Where(j => j.Id == held).ExecuteDeleteAsync();
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_job_left_running_by_a_dead_process_fails_kindly_at_the_next_start_with_no_file()
    {
        var (owner, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        // Its last heartbeat is now by this host's clock, so this host, still running, leaves it alone; the second host
        // starts two minutes later by its own clock, when no heartbeat has come for longer than the timeout.
        var dead = await PlantJobAsync(caseId, username, BinderJobState.Running, heartbeat: app.Clock.GetUtcNow().UtcDateTime);
        await using var second = new SecondHost(app, runsJobs: false, startAfter: TimeSpan.FromMinutes(2));
        using var onSecond = second.ClientFor(owner);
        var page = await onSecond.GetAsync($"/cases/{caseId}/binder/jobs/{dead}");
        await using var db = app.CreateDbContext();
        var row = await db.BinderJobs.SingleAsync(j => j.Id == dead);
        for (var tries = 0; row.State == BinderJobState.Running && tries < 100; tries++)
        {
            await Task.Delay(100);
            await db.Entry(row).ReloadAsync();
        }

        Assert.Equal(BinderJobState.Failed, row.State);
        Assert.Equal(BinderJobFailure.Interrupted, row.Failure);
        Assert.Null(row.BlobId);
        Assert.Null(row.SealedChoices);
        // The second host did it (the first, by its own clock, still counts the heartbeat as fresh).
        Assert.Contains(second.Logs.Entries, e => System.Text.RegularExpressions.Regex.IsMatch(e, "Binder jobs tidied: \"?[1-9][0-9]*\"? interrupted"));
        // Its tidy-up and polling queries carry the background tag, which the query-count tests leave out.
        var tag = "-- " + IncidentResponse.Web.Pages.Cases.Binder.BinderJobRunner.Background;
        Assert.Contains(second.Logs.Entries, e => e.Contains("Executed DbCommand", StringComparison.Ordinal) && e.Contains(tag, StringComparison.Ordinal) && e.Contains("SELECT", StringComparison.Ordinal));
        var failed = await onSecond.GetAsync($"/cases/{caseId}/binder/jobs/{dead}");
        Assert.Contains("The server restarted while it was being made. Nothing was kept.", failed.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.Http.GetAsync($"/cases/{caseId}/binder/jobs/{dead}?handler=Download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Progress_written_by_the_host_making_the_binder_is_read_on_a_second_host_which_also_hands_over_the_PDF()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, TestImages.Png(160, 90), "two-hosts.png");
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        await using var second = new SecondHost(app, runsJobs: false);
        using var onSecond = second.ClientFor(owner);

        // Asked for on the second host, which makes no binders: the first host's runner makes it.
        using var pressed = await PressAsync(onSecond, caseId, evidenceId, "Two hosts");
        var job = BinderJobClient.JobAddress(pressed)!;
        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(onSecond.Http, job));
        var status = await BinderJobClient.StatusAsync(onSecond.Http, job);
        Assert.Equal((1, 1), (status.Done, status.Total));

        using var download = await onSecond.Http.GetAsync(job + "?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("Two hosts", PdfTools.Read(await download.Content.ReadAsByteArrayAsync()).Text, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == AuditActions.BinderMade));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Cancel_while_the_pictures_are_being_printed_stops_the_print_and_keeps_nothing()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, TestImages.Png(120, 80), "cancel-me.png");
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var binders = Path.Combine(app.DataDirectory, "binders");
        var filesBefore = Directory.Exists(binders) ? Directory.GetFiles(binders, "*", SearchOption.AllDirectories) : [];
        string job;

        // The exhibit check reads the file once; the print's read of the picture is held, so the job is caught printing.
        app.EvidenceReads.HoldFromRead(2);
        try
        {
            using var pressed = await PressAsync(owner, caseId, evidenceId, "Cancelled binder");
            job = BinderJobClient.JobAddress(pressed)!;
            await app.EvidenceReads.Held.WaitAsync(TimeSpan.FromMinutes(2));
            var status = await BinderJobClient.StatusAsync(owner.Http, job);
            for (var tries = 0; status.Part != "Adding your evidence" && tries < 100; tries++)
            {
                await Task.Delay(100);
                status = await BinderJobClient.StatusAsync(owner.Http, job);
            }

            Assert.Equal(("running", "Adding your evidence"), (status.State, status.Part));

            var cancelled = await owner.SubmitAsync(job, new Dictionary<string, string>(), "handler=Cancel");
            Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);

            // Nothing is released: the held read ends only because the job's own cancellation reaches it.
            Assert.Equal("cancelled", await BinderJobClient.WaitUntilEndedAsync(owner.Http, job));
        }
        finally
        {
            app.EvidenceReads.Release();
        }

        var page = await owner.GetAsync(job);
        Assert.Contains("You cancelled this binder", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#download-job"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync(job + "?handler=Download")).StatusCode);
        await using var db = app.CreateDbContext();
        var row = await db.BinderJobs.SingleAsync(j => j.CaseId == caseId);
        Assert.Equal(BinderJobState.Cancelled, row.State);
        Assert.Equal((null, null, null, null), (row.BlobId, row.FileKey, row.SealedChoices, row.ChoicesKey));
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == AuditActions.BinderMade));
        // No file was kept, not even the half-sealed one the print was writing into.
        var filesAfter = Directory.Exists(binders) ? Directory.GetFiles(binders, "*", SearchOption.AllDirectories) : [];
        Assert.Equal(filesBefore.Order(), filesAfter.Order());
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task While_one_binder_prints_the_next_waits_and_says_so_and_someone_with_nothing_printing_goes_before_a_second_of_yours()
    {
        var (first, _, firstCase) = await app.NewSurvivorWithCaseAsync();
        using var _ = first;
        var secondCase = await first.CreateCaseAsync("Autumn notes");
        var (other, _, otherCase) = await app.NewSurvivorWithCaseAsync();
        using var __ = other;
        var shown = new Dictionary<Guid, Guid>();
        foreach (var (client, caseId) in new[] { (first, firstCase), (first, secondCase), (other, otherCase) })
        {
            shown[caseId] = await client.AddEvidenceAsync(caseId, TestImages.Png(90, 60), "queued.png");
            await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        }

        string firstJob, secondJob, otherJob;
        app.EvidenceReads.HoldFromRead(2);
        try
        {
            // Your first binder is caught printing its picture; then you ask for a second, and someone else for one.
            using (var pressed = await PressAsync(first, firstCase, shown[firstCase], "First"))
            {
                firstJob = BinderJobClient.JobAddress(pressed)!;
            }

            await app.EvidenceReads.Held.WaitAsync(TimeSpan.FromMinutes(2));
            using (var pressed = await PressAsync(first, secondCase, shown[secondCase], "Second"))
            {
                secondJob = BinderJobClient.JobAddress(pressed)!;
            }

            using (var pressed = await PressAsync(other, otherCase, shown[otherCase], "Other"))
            {
                otherJob = BinderJobClient.JobAddress(pressed)!;
            }

            var waiting = await other.GetAsync(otherJob);
            Assert.Equal("Waiting for another document to finish", waiting.Document.QuerySelector("#job-part")?.TextContent);
            Assert.Equal("Waiting for another document to finish.", waiting.Document.QuerySelector("#job-progress-text")?.TextContent);
            Assert.Equal(("queued", "Waiting for another document to finish"), await StateAndPartAsync(other, otherJob));
            Assert.Equal("queued", (await BinderJobClient.StatusAsync(first.Http, secondJob)).State);

            // The first finishes; the next one taken is the other person's, asked for after your second.
            app.EvidenceReads.ReleaseAndHoldNext();
            Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(first.Http, firstJob));
            await app.EvidenceReads.Held.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal("running", (await BinderJobClient.StatusAsync(other.Http, otherJob)).State);
            Assert.Equal(("queued", "Waiting for another document to finish"), await StateAndPartAsync(first, secondJob));
        }
        finally
        {
            app.EvidenceReads.Release();
        }

        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(other.Http, otherJob));
        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(first.Http, secondJob));

        // With nothing being made and nothing asked for before it, a waiting binder is getting started, not waiting.
        var alone = new BinderJob { Id = Guid.NewGuid(), State = BinderJobState.Queued, CreatedUtc = DateTime.UnixEpoch };
        using var scope = app.Services.CreateScope();
        var behind = await scope.ServiceProvider.GetRequiredService<IncidentResponse.Web.Pages.Cases.Binder.BinderJobs>().IsBehindAnotherAsync(alone, default);
        Assert.False(behind);
        Assert.Equal("Getting started", new IncidentResponse.Web.Pages.Cases.Binder.BinderJobView(alone, TestText.For<IncidentResponse.Web.Pages.Cases.Binder.BinderText>(), behind).PartText);
    }

    /// <summary>
    /// A ready binder is frozen as its maker could see the case. An ally's is deleted unread once the owner narrows what
    /// they may see (an entry made private, evidence images withdrawn), so the frozen PDF cannot hand over what the ally
    /// may no longer see; the owner's own, made the same moment, stays. Found first by the binder page's list of jobs
    /// or by the job's own address, it is withdrawn the same.
    /// </summary>
    [Trait("Category", "Chromium")]
    [Theory]
    [InlineData("entry made private", false)]
    [InlineData("evidence images withdrawn", false)]
    [InlineData("entry made private", true)]
    public async Task An_allys_ready_binder_is_deleted_unread_once_what_they_may_see_narrows(string change, bool listFirst)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var entry = await owner.AddIncidentAsync(caseId, app.IncidentForm("Narrowing narrative"));
        var evidenceId = await owner.AddEvidenceAsync(caseId, TestImages.Png(64, 48), "narrowing.png");
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, IncidentResponse.Domain.Cases.CaseRole.Advocate);
        using var __ = ally;
        Guid allyId;
        await using (var db = app.CreateDbContext())
        {
            allyId = await db.Users.Where(u => u.UserName == allyName).Select(u => u.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Export", allyId, ("allow", "true"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "EvidenceImages", allyId, ("grant", "true"))).Status);
        await ally.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        using var allyPress = await PressAsync(ally, caseId, evidenceId, "Ally binder");
        using var ownerPress = await PressAsync(owner, caseId, evidenceId, "Owner binder");
        var allyJob = BinderJobClient.JobAddress(allyPress)!;
        var ownerJob = BinderJobClient.JobAddress(ownerPress)!;
        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(ally.Http, allyJob));
        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(owner.Http, ownerJob));
        Guid allyBlob;
        await using (var db = app.CreateDbContext())
        {
            allyBlob = (await db.BinderJobs.SingleAsync(j => j.CaseId == caseId && j.UserId == allyId)).BlobId!.Value;
        }

        var sealedFile = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "binders"), $"{allyBlob:N}*", SearchOption.AllDirectories));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var narrowed = change == "entry made private"
            ? await owner.SubmitAsync($"/cases/{caseId}/log/{entry}", new Dictionary<string, string>(), "handler=Privacy")
            : await owner.ManageAllyAsync(caseId, "EvidenceImages", allyId, ("grant", "false"));
        Assert.Equal(HttpStatusCode.Redirect, narrowed.Status);

        if (listFirst)
        {
            var list = await ally.GetAsync($"/cases/{caseId}/binder");
            var item = Assert.Single(list.Document.QuerySelectorAll($"a[href='{allyJob}']"));
            Assert.Equal("Your binder: no longer here", item.TextContent.Trim());
            Assert.False(File.Exists(sealedFile));
        }

        using (var download = await ally.Http.GetAsync(allyJob + "?handler=Download"))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        var page = await ally.GetAsync(allyJob);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This binder is no longer here", page.MainText, StringComparison.Ordinal);
        Assert.Contains("what you may see in this case changed", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#download-job"));
        Assert.False(File.Exists(sealedFile));
        await using (var db = app.CreateDbContext())
        {
            var row = await db.BinderJobs.SingleAsync(j => j.CaseId == caseId && j.UserId == allyId);
            Assert.Equal((BinderJobState.Failed, BinderJobFailure.Outdated, null, null), (row.State, row.Failure, row.BlobId, row.FileKey));
        }

        // The owner sees every item, private or not, and gave nothing up: theirs still downloads.
        using var ownersDownload = await owner.Http.GetAsync(ownerJob + "?handler=Download");
        Assert.Equal(HttpStatusCode.OK, ownersDownload.StatusCode);
        Assert.Equal("application/pdf", ownersDownload.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(string State, string Part)> StateAndPartAsync(AppClient client, string job)
    {
        var status = await BinderJobClient.StatusAsync(client.Http, job);
        return (status.State, status.Part);
    }

    internal static async Task<HttpResponseMessage> PressAsync(AppClient client, Guid caseId, Guid? shownInFull, string title)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder")),
            new("Input.Preset", "MyRecords"),
            new("Input.Title", title),
            new("Input.Sections", "Cover"),
            new("Input.Sections", "Exhibits"),
        };
        if (shownInFull is { } id)
        {
            fields.Add(new($"Input.Redactions[{id}]", "None"));
        }

        return await client.Http.PostAsync($"/cases/{caseId}/binder?handler=Pdf", new FormUrlEncodedContent(fields));
    }

    private async Task<Guid> PlantJobAsync(Guid caseId, string username, BinderJobState state, DateTime? heartbeat, DateTime? createdUtc = null)
    {
        await using var db = app.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var job = new BinderJob
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            UserId = userId,
            State = state,
            CreatedUtc = createdUtc ?? now,
            ExpiresUtc = now + BinderJob.Lifetime,
            HeartbeatUtc = heartbeat,
        };
        db.BinderJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>A second host of the app on the first one's database, data directory and master key, as a second instance.</summary>
    private sealed class SecondHost : AppFixture
    {
        private readonly AppFixture _first;

        public SecondHost(AppFixture first, bool runsJobs, TimeSpan startAfter = default)
        {
            _first = first;
            Clock.Advance(startAfter);
            Set("Security:MasterKey", first.MasterKeyBase64);
            Set("Storage:DataDirectory", first.DataDirectory);
            Set("Binder:RunJobs", runsJobs ? "true" : "false");
            InitializeAsync().GetAwaiter().GetResult();
            _ = Services;
        }

        public override IncidentResponse.Domain.Data.DatabaseProvider Provider => _first.Provider;

        /// <summary>The same person's browser (the same cookies) talking to this host.</summary>
        public AppClient ClientFor(AppClient browser) =>
            new(CreateDefaultClient(new Uri("https://app.test"), new CookieContainerHandler(browser.Cookies)), browser.Cookies);

        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_first.ConnectionString);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStartup", "false");
        }
    }
}

public sealed class BinderJobTestsOnSqlite(BinderJobTestsOnSqlite.App app) : BinderJobTests<BinderJobTestsOnSqlite.App>(app)
{
    /// <summary>The usual app with its evidence reads passing a gate the tests can close.</summary>
    public sealed class App : SqliteApp
    {
        protected override bool GatesEvidenceReads => true;
    }
}

public sealed class BinderJobTestsOnPostgres(BinderJobTestsOnPostgres.App app) : BinderJobTests<BinderJobTestsOnPostgres.App>(app)
{
    /// <summary>The usual app with its evidence reads passing a gate the tests can close.</summary>
    public sealed class App : PostgresApp
    {
        protected override bool GatesEvidenceReads => true;
    }
}
