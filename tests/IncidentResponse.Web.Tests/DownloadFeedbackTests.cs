using System.Collections.Concurrent;
using System.Net;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>The app with one more part in "Download everything" that a test can hold open, so a download stays in flight.</summary>
public sealed class HeldDownloadSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<ICaseExportPart, HeldPart>());
    }
}

/// <inheritdoc cref="HeldDownloadSqliteApp"/>
public sealed class HeldDownloadPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<ICaseExportPart, HeldPart>());
    }
}

/// <summary>A small text part that, for a case a test holds, waits until the test lets it go.</summary>
public sealed class HeldPart : ICaseExportPart
{
    private static readonly ConcurrentDictionary<Guid, (TaskCompletionSource Reached, TaskCompletionSource Released)> Held = new();

    public string FileName => "held.txt";

    /// <summary>Holds the next export of <paramref name="caseId"/>: returns when it is reached, and a way to let it go.</summary>
    public static (Task Reached, Action Release) Hold(Guid caseId)
    {
        var gate = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Held[caseId] = gate;
        return (gate.Item1.Task, () => gate.Item2.TrySetResult());
    }

    public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Held.TryRemove(request.CaseId, out var gate))
        {
            gate.Reached.TrySetResult();
            await gate.Released.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        }

        await destination.WriteAsync("held\n"u8.ToArray(), cancellationToken);
    }
}

/// <summary>
/// A long download shows that it is being made (wwwroot/js/preparing.js, checked in the browser tests); here, what the
/// server does. "Download everything" makes its binder first as a job (ADR 0024), and the ZIP then downloads from the
/// job's page: a second press of that button while the ZIP is being made is refused kindly, so a double press never
/// makes two, and the download tells the page (by a cookie holding the page's token) once it starts. Binder presses
/// while a ZIP is being made go to one job, which waits for the ZIP.
/// </summary>
public abstract class DownloadFeedbackTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Token = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_second_press_while_the_zip_is_being_made_is_refused_kindly_and_only_one_is_made()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddEvidenceAsync(caseId, TestImages.Png(40, 30), "held.png");
        var job = await ReadyExportJobAsync(owner, caseId);
        var (reached, release) = HeldPart.Hold(caseId);

        var first = PressAsync(owner, job, [new("DownloadToken", Token)], "?handler=Zip");
        try
        {
            await reached.WaitAsync(TimeSpan.FromMinutes(2));

            // The same person presses again while the first is still being made.
            using var again = await PressAsync(owner, job, [new("DownloadToken", "ffffffffffffffffffffffffffffffff")], "?handler=Zip");
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
            var kind = await again.Content.ReadAsStringAsync();
            Assert.Contains("still making your last document", kind, StringComparison.Ordinal);
            Assert.Contains("Nothing is lost", kind, StringComparison.Ordinal);
            Assert.Null(DownloadCookie(again));
        }
        finally
        {
            release();
        }

        using var made = await first;
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Equal("application/zip", made.Content.Headers.ContentType!.MediaType);
        var folder = await ExportJourneys.ExtractAsync(made);
        try
        {
            Assert.True(File.Exists(Path.Combine(folder, "held.txt")));
            Assert.StartsWith("%PDF", await File.ReadAllTextAsync(Path.Combine(folder, "binder.pdf")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The download told the page it had started: a cookie with the page's token, readable by its script.
        var started = DownloadCookie(made);
        Assert.NotNull(started);
        Assert.Contains($"__Host-ir-download={Token}", started, StringComparison.Ordinal);
        Assert.DoesNotContain("httponly", started, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", started, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", started, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", started, StringComparison.OrdinalIgnoreCase);

        // One ZIP, and one binder: the job's, made before the ZIP and carried into it.
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "case.exported"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Binder_presses_while_a_download_is_being_made_go_to_one_job_that_waits_for_it()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddEvidenceAsync(caseId, TestImages.Png(40, 30), "double.png");
        var exportJob = await ReadyExportJobAsync(owner, caseId);
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");

        // A ZIP being made holds this person's one slot; a binder asked for now is a job that waits (ADR 0024).
        var (reached, release) = HeldPart.Hold(caseId);
        var zip = PressAsync(owner, exportJob, [], "?handler=Zip");
        string?[] jobs;
        try
        {
            await reached.WaitAsync(TimeSpan.FromMinutes(2));
            using var first = await PressAsync(owner, $"/cases/{caseId}/binder", BinderFields(), "?handler=Pdf");
            using var second = await PressAsync(owner, $"/cases/{caseId}/binder", BinderFields(), "?handler=Pdf");
            jobs = [BinderJobClient.JobAddress(first), BinderJobClient.JobAddress(second)];
            await using var db = app.CreateDbContext();
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
        }
        finally
        {
            release();
        }

        using (var done = await zip)
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        Assert.NotNull(jobs[0]);
        Assert.Equal(jobs[0], jobs[1]);
        Assert.NotEqual(exportJob, jobs[0]);
        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(owner.Http, jobs[0]!));
        await using var check = app.CreateDbContext();
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
        Assert.Equal(2, await check.BinderJobs.CountAsync(j => j.CaseId == caseId));
    }

    [Trait("Category", "Chromium")]
    [Theory]
    [InlineData("")]
    [InlineData("a1b2c3d4e5f60718293a4b5c6d7e8f90; Path=/evil")]
    public async Task Without_a_well_formed_token_a_download_sets_no_cookie(string token)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var job = await ReadyExportJobAsync(owner, caseId);

        using var zip = await PressAsync(owner, job, [new("DownloadToken", token)], "?handler=Zip");

        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Null(DownloadCookie(zip));
    }

    /// <summary>Presses "Download everything" after the step-up and waits for its binder job; the job's address.</summary>
    private static async Task<string> ReadyExportJobAsync(AppClient owner, Guid caseId)
    {
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/export");
        using var pressed = await owner.PressExportButtonAsync(caseId);
        var job = BinderJobClient.JobAddress(pressed) ?? throw new InvalidOperationException($"No job: {(int)pressed.StatusCode}");
        Assert.Equal("ready", await BinderJobClient.WaitUntilEndedAsync(owner.Http, job));
        return job;
    }

    private static string? DownloadCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.Contains("ir-download=", StringComparison.Ordinal))
            : null;

    private static List<KeyValuePair<string, string>> BinderFields() =>
    [
        new("Input.Preset", "Police"),
        new("Input.Title", "Evidence record"),
        new("Input.Sections", "Exhibits"),
    ];

    /// <summary>Presses a download button: the page's form with its antiforgery token and <paramref name="fields"/>.</summary>
    private static async Task<HttpResponseMessage> PressAsync(AppClient client, string page, List<KeyValuePair<string, string>> fields, string query = "")
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var form = new FormUrlEncodedContent([new("__rvt", token), .. fields]);
        return await client.Http.PostAsync(page + query, form);
    }
}

public sealed class DownloadFeedbackTestsOnSqlite(HeldDownloadSqliteApp app) : DownloadFeedbackTests<HeldDownloadSqliteApp>(app);

public sealed class DownloadFeedbackTestsOnPostgres(HeldDownloadPostgresApp app) : DownloadFeedbackTests<HeldDownloadPostgresApp>(app);
