using System.Net;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>One person's binders and letter PDFs cannot fill the printer for everyone else.</summary>
public abstract class FairPrintingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private FairPrinting Printing => app.Services.GetRequiredService<FairPrinting>();

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_third_letter_PDF_while_two_are_printing_gets_a_kind_still_making_page_and_someone_else_is_not_held_up()
    {
        var (owner, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var letterUrl = await DraftLetterAsync(owner, caseId);
        var userId = await UserIdAsync(username);
        var (other, _, otherCase) = await app.NewSurvivorWithCaseAsync();
        using var __ = other;
        var otherLetter = await DraftLetterAsync(other, otherCase);

        // Two of this person's letter PDFs are printing (held here, so the test does not race the printer).
        using (Printing.TryStart(userId, PrintKind.LetterPdf))
        {
            using (Printing.TryStart(userId, PrintKind.LetterPdf))
            {
                var third = await owner.GetAsync($"{letterUrl}/pdf");

                Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
                Assert.Contains("still making your last document", third.MainText, StringComparison.Ordinal);
                Assert.Contains("Nothing is lost", third.MainText, StringComparison.Ordinal);
                using var others = await other.Http.GetAsync($"{otherLetter}/pdf");
                Assert.Equal(HttpStatusCode.OK, others.StatusCode);
                Assert.Equal("application/pdf", others.Content.Headers.ContentType?.MediaType);
            }

            // One of the two finished: the next one prints.
            using var next = await owner.Http.GetAsync($"{letterUrl}/pdf");
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
            Assert.Equal("application/pdf", next.Content.Headers.ContentType?.MediaType);
        }
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_binder_asked_for_while_one_of_yours_is_printing_waits_and_is_made_once_the_slot_is_free()
    {
        var (owner, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var userId = await UserIdAsync(username);

        string job;
        using (Printing.TryStart(userId, PrintKind.Binder))
        {
            // The press answers at once with the job; a second press goes to the same one.
            using var pressed = await PressMakeBinderAsync(owner, caseId);
            job = BinderJobClient.JobAddress(pressed) ?? throw new InvalidOperationException($"No job: {(int)pressed.StatusCode}");
            using var again = await PressMakeBinderAsync(owner, caseId);
            Assert.Equal(job, BinderJobClient.JobAddress(again));

            // While this person's slot is held, the job waits: nothing is made.
            var status = await BinderJobClient.StatusAsync(owner.Http, job);
            Assert.True(status.State is "queued" or "running", status.State);
            await using var db = app.CreateDbContext();
            Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
        }

        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(owner.Http, job));

        // The finished binder gives its slot back (just after its page says ready: the runner lets go once it has
        // recorded the binder in the case's history). A bound of 30 s, not a timing.
        var slot = Printing.TryStart(userId, PrintKind.Binder);
        for (var tries = 0; slot is null && tries < 300; tries++)
        {
            await Task.Delay(100);
            slot = Printing.TryStart(userId, PrintKind.Binder);
        }

        using (slot)
        {
            Assert.NotNull(slot);
        }
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Download_everything_makes_its_binder_as_a_job_that_waits_for_the_one_printing()
    {
        var (owner, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var userId = await UserIdAsync(username);
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/export");

        string job;
        using (Printing.TryStart(userId, PrintKind.Binder))
        {
            // The press answers at once with the job; while this person's slot is held it waits: nothing is made.
            using var pressed = await owner.PressExportButtonAsync(caseId);
            job = BinderJobClient.JobAddress(pressed) ?? throw new InvalidOperationException($"No job: {(int)pressed.StatusCode}");
            var status = await BinderJobClient.StatusAsync(owner.Http, job);
            Assert.True(status.State is "queued" or "running", status.State);
            await using var db = app.CreateDbContext();
            Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
        }

        // The other document finished: the binder is made, and the ZIP downloads from the job's page with it.
        using var response = await owner.DownloadZipFromJobAsync(job);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = await ExportJourneys.ExtractAsync(response);
        try
        {
            Assert.StartsWith("%PDF", await File.ReadAllTextAsync(Path.Combine(folder, "binder.pdf")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task<string> DraftLetterAsync(AppClient client, Guid caseId)
    {
        await client.AddSightingsAsync(caseId, "https://www.reddit.com/r/a/comments/fair" + Guid.NewGuid().ToString("N")[..6]);
        var sightingId = await client.FirstPlaceOfferedAsync($"/cases/{caseId}/takedowns/new?platform=reddit");
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId,
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        return draft.Location?.OriginalString ?? throw new InvalidOperationException($"No letter was drafted: {draft.MainText}");
    }

    private static async Task<HttpResponseMessage> PressMakeBinderAsync(AppClient client, Guid caseId)
    {
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Input.Preset"] = "Police",
            ["Input.Title"] = "Evidence record",
            ["Input.Sections"] = "Exhibits",
        });
        return await client.Http.PostAsync($"/cases/{caseId}/binder?handler=Pdf", form);
    }

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
    }
}

public sealed class FairPrintingTestsOnSqlite(SqliteApp app) : FairPrintingTests<SqliteApp>(app);

public sealed class FairPrintingTestsOnPostgres(PostgresApp app) : FairPrintingTests<PostgresApp>(app);

/// <summary>Letter PDFs at a rate a test can reach: 3 a minute per person.</summary>
public sealed class FewLetterPdfsSqliteApp : SqliteApp
{
    public FewLetterPdfsSqliteApp() => Set("Printing:LetterPdfsPerMinute", "3");
}

/// <inheritdoc cref="FewLetterPdfsSqliteApp"/>
public sealed class FewLetterPdfsPostgresApp : PostgresApp
{
    public FewLetterPdfsPostgresApp() => Set("Printing:LetterPdfsPerMinute", "3");
}

/// <summary>One test per fixture: the limit's window is a real minute.</summary>
public abstract class LetterPdfRateLimitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Letter_PDFs_have_a_per_person_rate_limit_that_leaves_others_alone()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var letterUrl = await FairPrintingTests<TApp>.DraftLetterAsync(owner, caseId);
        var (other, _, otherCase) = await app.NewSurvivorWithCaseAsync();
        using var __ = other;
        var otherLetter = await FairPrintingTests<TApp>.DraftLetterAsync(other, otherCase);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var pdf = await owner.Http.GetAsync($"{letterUrl}/pdf");
            statuses.Add(pdf.StatusCode);
        }

        var over = await owner.GetAsync($"{letterUrl}/pdf");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.Status);
        Assert.Contains("Please wait a minute", over.MainText, StringComparison.Ordinal);
        using var others = await other.Http.GetAsync($"{otherLetter}/pdf");
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }
}

public sealed class LetterPdfRateLimitTestsOnSqlite(FewLetterPdfsSqliteApp app) : LetterPdfRateLimitTests<FewLetterPdfsSqliteApp>(app);

public sealed class LetterPdfRateLimitTestsOnPostgres(FewLetterPdfsPostgresApp app) : LetterPdfRateLimitTests<FewLetterPdfsPostgresApp>(app);
