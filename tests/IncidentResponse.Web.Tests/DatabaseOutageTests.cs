using System.Diagnostics;
using System.Net;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The app on a PostgreSQL server of its own, which these tests stop (as a crash would) and start again. Another test
/// class never shares it, so stopping it breaks nothing else. A hook can stop the server at the moment an uploaded
/// file has been written and before its row is saved.
/// </summary>
public sealed class PostgresOutageApp : AppFixture
{
    private PostgresServer? _server;

    public override Domain.Data.DatabaseProvider Provider => Domain.Data.DatabaseProvider.Postgres;

    public PostgresServer Database => _server ?? throw new InvalidOperationException("Not started.");

    private Action? _afterNextBlobCommitted;

    /// <summary>Run once, right after the next evidence file is committed to disk (before its row is saved).</summary>
    public Action? AfterNextBlobCommitted
    {
        get => Volatile.Read(ref _afterNextBlobCommitted);
        set => Volatile.Write(ref _afterNextBlobCommitted, value);
    }

    private Action? TakeHook() => Interlocked.Exchange(ref _afterNextBlobCommitted, null);

    public string EvidenceDirectory => Path.Combine(DataDirectory, "evidence");

    protected override async Task<string> CreateDatabaseAsync()
    {
        _server = await PostgresServer.StartDedicatedAsync();
        return await _server.CreateDatabaseAsync();
    }

    protected override async Task AfterDisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEvidenceBlobStore>();
            services.AddSingleton<IEvidenceBlobStore>(new HookedBlobStore(new FileSystemEvidenceBlobStore(EvidenceDirectory), this));
        });
    }

    private sealed class HookedBlobStore(IEvidenceBlobStore inner, PostgresOutageApp app) : IEvidenceBlobStore
    {
        public async Task<IPendingEvidenceBlob> CreateAsync(CancellationToken cancellationToken = default) =>
            new HookedPending(await inner.CreateAsync(cancellationToken), app);

        public Task<Stream> OpenReadAsync(Guid blobId, CancellationToken cancellationToken = default) => inner.OpenReadAsync(blobId, cancellationToken);

        public Task DeleteAsync(Guid blobId, CancellationToken cancellationToken = default) => inner.DeleteAsync(blobId, cancellationToken);
    }

    private sealed class HookedPending(IPendingEvidenceBlob inner, PostgresOutageApp app) : IPendingEvidenceBlob
    {
        public Guid BlobId => inner.BlobId;

        public Stream Content => inner.Content;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await inner.CommitAsync(cancellationToken);
            app.TakeHook()?.Invoke();
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

/// <summary>
/// The database stops in the middle of a journey: the person gets a kind page with what they typed, the app reports
/// not ready, and once the database is back the same post is saved exactly once.
/// </summary>
[Trait("Category", "System")]
[RunsLong(50)]
public sealed class DatabaseOutageTests(PostgresOutageApp app) : IClassFixture<PostgresOutageApp>
{
    private static readonly byte[] Statement = TestFiles.Pdf("My statement"u8.ToArray());

    [Fact]
    public async Task A_half_typed_incident_comes_back_kindly_while_the_database_is_down_and_is_saved_once_when_it_is_back()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var marker = "outage-" + Guid.NewGuid().ToString("N")[..10];
        var (action, values) = await client.FormAsync($"/cases/{caseId}/log/new", app.IncidentForm($"They posted it again {marker}"));
        Assert.True(Guid.TryParse(values[SubmissionGuard.FieldName], out var key) && key != Guid.Empty);

        AppClient.PageResult failed;
        app.Database.StopFast();
        try
        {
            failed = await client.PostAsync(action, values);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            app.Database.Start();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Contains("We could not save this just now.", failed.MainText, StringComparison.Ordinal);
        Assert.Contains("Nothing you typed was lost — try again in a moment.", failed.MainText, StringComparison.Ordinal);
        Assert.Contains(marker, failed.Document.QuerySelector("textarea[name='Input.Narrative']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("u/throwaway", failed.FieldValue("Input.AccountHandle"));
        Assert.Equal(values[SubmissionGuard.FieldName], failed.FieldValue(SubmissionGuard.FieldName));
        AssertNoInternals(failed);

        await WaitUntilReadyAsync(client);
        var saved = await client.PostAsync(action, values);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var again = await client.PostAsync(action, values);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(saved.Location, again.Location);

        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Incidents.CountAsync(i => i.CaseId == caseId));
        Assert.Contains(marker, (await db.Incidents.SingleAsync(i => i.CaseId == caseId)).Narrative, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "incident.added"));
        AssertNotLogged(marker);
    }

    [Fact]
    public async Task An_upload_while_the_database_is_down_keeps_the_description_asks_for_the_file_again_and_keeps_nothing()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var marker = "upload-" + Guid.NewGuid().ToString("N")[..10];
        var form = await client.GetAsync($"/cases/{caseId}/evidence/add");
        var token = form.FieldValue("__rvt")!;
        var fields = new Dictionary<string, string>
        {
            [SubmissionGuard.FieldName] = form.FieldValue(SubmissionGuard.FieldName)!,
            ["Input.SourceUrl"] = "https://example.org/post/1",
            ["Input.WhatItShows"] = $"the post {marker}",
        };
        var blobsBefore = BlobFiles();

        AppClient.PageResult failed;
        app.Database.StopFast();
        try
        {
            failed = await client.UploadEvidenceAsync(caseId, new ByteArrayContent(Statement), "statement.pdf", fields, token);
        }
        finally
        {
            app.Database.Start();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Contains("We could not save this just now.", failed.MainText, StringComparison.Ordinal);
        Assert.Contains(marker, failed.Document.QuerySelector("textarea[name='Input.WhatItShows']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/post/1", failed.FieldValue("Input.SourceUrl"));
        Assert.Equal(fields[SubmissionGuard.FieldName], failed.FieldValue(SubmissionGuard.FieldName));
        Assert.Contains("choose the file again", failed.FieldError("Input.File"), StringComparison.Ordinal);
        AssertNoInternals(failed);
        Assert.Equal(blobsBefore, BlobFiles());

        await WaitUntilReadyAsync(client);
        await AssertSavedOnceAsync(client, caseId, fields, token, blobsBefore);
        AssertNotLogged(marker);
    }

    [Fact]
    public async Task The_database_stopping_between_the_file_and_its_record_leaves_no_record_and_no_file()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var marker = "between-" + Guid.NewGuid().ToString("N")[..10];
        var form = await client.GetAsync($"/cases/{caseId}/evidence/add");
        var token = form.FieldValue("__rvt")!;
        var fields = new Dictionary<string, string>
        {
            [SubmissionGuard.FieldName] = form.FieldValue(SubmissionGuard.FieldName)!,
            ["Input.WhatItShows"] = $"the message {marker}",
        };
        var blobsBefore = BlobFiles();
        var committed = 0;
        app.AfterNextBlobCommitted = () =>
        {
            // The sealed file is on disk under its final name at this moment; its row is not saved yet.
            committed = BlobFiles().Count - blobsBefore.Count;
            app.Database.StopFast();
        };

        AppClient.PageResult failed;
        try
        {
            failed = await client.UploadEvidenceAsync(caseId, new ByteArrayContent(Statement), "statement.pdf", fields, token);
        }
        finally
        {
            app.AfterNextBlobCommitted = null;
            app.Database.Start();
        }

        Assert.Equal(1, committed);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Contains(marker, failed.Document.QuerySelector("textarea[name='Input.WhatItShows']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("choose the file again", failed.FieldError("Input.File"), StringComparison.Ordinal);
        Assert.Equal(blobsBefore, BlobFiles());
        Assert.Empty(Directory.GetFiles(app.EvidenceDirectory, "*.partial*", SearchOption.AllDirectories));

        await WaitUntilReadyAsync(client);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.EvidenceItems.IgnoreQueryFilters().CountAsync(e => e.CaseId == caseId));
        }

        await AssertSavedOnceAsync(client, caseId, fields, token, blobsBefore);
    }

    [Fact]
    public async Task Finalising_a_letter_while_the_database_is_down_can_be_sent_again_and_finalises_once()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var letterUrl = await SubmissionJourneys.ReadyLetterAsync(client, caseId);
        var (action, values) = await client.FormAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");

        AppClient.PageResult failed;
        app.Database.StopFast();
        try
        {
            failed = await client.PostAsync(action, values);
        }
        finally
        {
            app.Database.Start();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Contains("We could not save this just now.", failed.MainText, StringComparison.Ordinal);
        AssertNoInternals(failed);

        // The page keeps the post as it was, in a form that sends it again.
        var retry = failed.Document.QuerySelector("main form[method=post]")!;
        Assert.Equal(action, retry.GetAttribute("action"));
        var kept = retry.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal(values, kept);

        await WaitUntilReadyAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(retry.GetAttribute("action")!, kept)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(retry.GetAttribute("action")!, kept)).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(TakedownStatus.Final, (await db.TakedownRequests.SingleAsync(r => r.CaseId == caseId)).Status);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "takedown.finalised"));
    }

    [Fact]
    public async Task Opening_a_page_while_the_database_is_down_gets_a_calm_503_and_quick_exit_still_leaves()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        AppClient.PageResult page;
        HttpResponseMessage exit;
        app.Database.StopFast();
        try
        {
            page = await client.GetAsync($"/cases/{caseId}/log");
            exit = await client.Http.GetAsync("/exit");
        }
        finally
        {
            app.Database.Start();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("try again in a moment", page.MainText, StringComparison.Ordinal);
        AssertNoInternals(page);
        Assert.Equal(HttpStatusCode.Redirect, exit.StatusCode);
        Assert.StartsWith("https://www.google.com", exit.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("cookies", string.Join(",", exit.Headers.GetValues("Clear-Site-Data")), StringComparison.Ordinal);
        await WaitUntilReadyAsync(client);
    }

    private async Task AssertSavedOnceAsync(AppClient client, Guid caseId, Dictionary<string, string> fields, string token, List<string> blobsBefore)
    {
        var saved = await client.UploadEvidenceAsync(caseId, new ByteArrayContent(Statement), "statement.pdf", fields, token);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var again = await client.UploadEvidenceAsync(caseId, new ByteArrayContent(Statement), "statement.pdf", fields, token);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(saved.Location, again.Location);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.EvidenceItems.IgnoreQueryFilters().CountAsync(e => e.CaseId == caseId));
        Assert.Equal(blobsBefore.Count + 1, BlobFiles().Count);
    }

    private List<string> BlobFiles() =>
        Directory.Exists(app.EvidenceDirectory)
            ? Directory.GetFiles(app.EvidenceDirectory, "*.blob", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];

    private static void AssertNoInternals(AppClient.PageResult page)
    {
        foreach (var internals in new[] { "Exception", "Npgsql", "   at ", "StackTrace", "SELECT", "INSERT" })
        {
            Assert.DoesNotContain(internals, page.Html, StringComparison.Ordinal);
        }
    }

    private void AssertNotLogged(string marker)
    {
        Assert.False(app.Logs.Contains(marker), "What was typed reached the log.");
        Assert.DoesNotContain(marker, File.ReadAllText(app.LogFile), StringComparison.Ordinal);
    }

    /// <summary>Ready again once the database is back (a few seconds at most: the first probe may meet a dead pooled connection).</summary>
    private static async Task WaitUntilReadyAsync(AppClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.Http.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "/health/ready did not report ready within 30 s of the database starting.");
            await Task.Delay(200);
        }
    }
}

/// <summary>SQLite that gives up on a lock after one second instead of thirty.</summary>
public sealed class SqliteImpatientApp : AppFixture
{
    public override Domain.Data.DatabaseProvider Provider => Domain.Data.DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "test.db")};Default Timeout=1");
}

/// <summary>On SQLite a database held by another writer is an outage too: kind page, nothing lost, saved once after.</summary>
public sealed class SqliteBusyTests(SqliteImpatientApp app) : IClassFixture<SqliteImpatientApp>
{
    [Fact]
    public async Task An_incident_saved_while_another_writer_holds_the_database_comes_back_kindly_and_is_saved_once_after()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var marker = "busy-" + Guid.NewGuid().ToString("N")[..10];
        var (action, values) = await client.FormAsync($"/cases/{caseId}/log/new", app.IncidentForm($"They wrote to me {marker}"));

        AppClient.PageResult failed;
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "test.db")}"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
            failed = await client.PostAsync(action, values);
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Contains("We could not save this just now.", failed.MainText, StringComparison.Ordinal);
        Assert.Contains(marker, failed.Document.QuerySelector("textarea[name='Input.Narrative']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", failed.Html, StringComparison.Ordinal);

        var saved = await client.PostAsync(action, values);
        var again = await client.PostAsync(action, values);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(saved.Location, again.Location);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Incidents.CountAsync(i => i.CaseId == caseId));
        Assert.False(app.Logs.Contains(marker), "What was typed reached the log.");
    }
}
