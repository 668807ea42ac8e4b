using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// What allies see of the owner and of each other: the owner's plan notes stay theirs unless shared; an ally sees the
/// owner and themselves by name and anyone else helping as "someone helping" (unless the owner lets helpers see each
/// other); an ally without evidence images gets no file names, sources or descriptions; and an ally's history gives no
/// count of, or gap for, what they cannot see. The owner still sees everything, so no test passes by showing nothing.
/// </summary>
[RunsLong(55)]
public abstract partial class AllyViewTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string NoteCanary = "Canary-note-only-mine-4417";
    private const string FileNameCanary = "canary-holiday-photo-5521.png";
    private const string SourceCanary = "https://canary-source.example/post/8812";
    private const string DescriptionCanary = "Canary description of what it shows 3390";

    private static readonly string StepUrlPart = "/plan/" + CasePlan.NumberOf(SafetyStepCatalog.BreatheAndReachOut);

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task A_plan_note_is_the_owners_alone_until_they_share_it_and_an_allys_save_never_wipes_it(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var step = $"/cases/{caseId}{StepUrlPart}";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(step, new Dictionary<string, string> { ["Input.Status"] = "Doing", ["Input.Note"] = NoteCanary })).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;

        var ownersView = await owner.GetAsync(step);
        Assert.Contains(NoteCanary, ownersView.Html, StringComparison.Ordinal);
        Assert.Contains("Only you can see this note", ownersView.Document.QuerySelector("#note-privacy")!.TextContent, StringComparison.Ordinal);

        var allysView = await ally.GetAsync(step);
        Assert.Equal(HttpStatusCode.OK, allysView.Status);
        Assert.DoesNotContain(NoteCanary, allysView.Html, StringComparison.Ordinal);
        Assert.Null(allysView.Document.QuerySelector("textarea[name='Input.Note']"));

        if (role != CaseRole.Viewer)
        {
            // Their save changes the status only, whatever a crafted post says about the note or its sharing.
            var saved = await ally.SubmitAsync(step, new Dictionary<string, string>
            {
                ["Input.Status"] = "Done",
                ["Input.Note"] = "Overwritten by a helper",
                ["Input.NoteShared"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            await using var db = app.CreateDbContext();
            var state = await db.SafetyPlanSteps.SingleAsync(s => s.CaseId == caseId && s.StepKey == SafetyStepCatalog.BreatheAndReachOut);
            Assert.Equal((NoteCanary, SafetyStepStatus.Done, false), (state.Note, state.Status, state.NoteShared));
        }

        // The owner shares it: the ally reads it from their next request, and the owner is told who can.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(step, new Dictionary<string, string> { ["Input.NoteShared"] = "true" })).Status);
        Assert.Contains("The people helping you can see this note", (await owner.GetAsync(step)).Document.QuerySelector("#note-privacy")!.TextContent, StringComparison.Ordinal);
        var shared = await ally.GetAsync(step);
        Assert.Contains(NoteCanary, shared.Html, StringComparison.Ordinal);
        if (role != CaseRole.Viewer)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ally.SubmitAsync(step, new Dictionary<string, string> { ["Input.Note"] = "Edited together" })).Status);
            await using var db = app.CreateDbContext();
            var state = await db.SafetyPlanSteps.SingleAsync(s => s.CaseId == caseId && s.StepKey == SafetyStepCatalog.BreatheAndReachOut);
            Assert.Equal(("Edited together", true), (state.Note, state.NoteShared));
        }
    }

    [Fact]
    public async Task A_helper_whose_save_collides_with_the_owners_is_not_shown_the_owners_unshared_note()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var step = $"/cases/{caseId}{StepUrlPart}";
        var (helper, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = helper;
        var (action, stale) = await helper.FormAsync(step, new Dictionary<string, string> { ["Input.Status"] = "Done" });
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(step, new Dictionary<string, string> { ["Input.Note"] = NoteCanary })).Status);

        var conflict = await helper.PostAsync(action, stale);
        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains("changed while you were editing", conflict.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(NoteCanary, conflict.Html, StringComparison.Ordinal);
        Assert.Null(conflict.Document.QuerySelector("textarea[name='Input.Note']"));

        // Shared meanwhile: their form had no note, so the one shown to save again is the saved note, not an empty one.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(step, new Dictionary<string, string> { ["Input.NoteShared"] = "true" })).Status);
        stale["Input.Version"] = conflict.FieldValue("Input.Version")!;
        var again = await helper.PostAsync(action, stale);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(NoteCanary, again.Document.QuerySelector("textarea[name='Input.Note']")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task An_ally_sees_the_owner_and_themselves_and_another_ally_only_as_someone_helping(CaseRole role)
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        var (other, otherName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var ___ = other;
        var otherId = await UserIdAsync(otherName);
        var incident = await other.AddIncidentAsync(caseId, app.IncidentForm("Added by the other helper"));
        Assert.Equal(HttpStatusCode.Redirect, (await other.AddSightingsAsync(caseId, "https://www.reddit.com/r/example/comments/names1/post", incident)).Status);
        var sighting = await SightingOfAsync(incident);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/cases/{caseId}/sightings/{sighting}", new Dictionary<string, string> { ["Input.Status"] = "Reported" })).Status);

        var pages = new[] { "/history", "/activity", "/people", $"/log/{incident}", $"/sightings/{sighting}", "", "/log", "/plan" };
        foreach (var page in pages)
        {
            var seen = await ally.GetAsync($"/cases/{caseId}{page}");
            Assert.Equal(HttpStatusCode.OK, seen.Status);
            Assert.False(seen.Html.Contains(otherName, StringComparison.Ordinal), $"{page} names another helper.");
            Assert.False(seen.Html.Contains(otherId.ToString(), StringComparison.Ordinal), $"{page} holds another helper's id.");
        }

        var history = await ally.GetAsync($"/cases/{caseId}/history");
        Assert.Contains("by " + CaseAudience.SomeoneHelping, history.MainText, StringComparison.Ordinal);
        Assert.Contains("by " + ownerName, history.MainText, StringComparison.Ordinal);
        Assert.Contains("by " + allyName, history.MainText, StringComparison.Ordinal);
        Assert.Contains("Added by " + CaseAudience.SomeoneHelping, (await ally.GetAsync($"/cases/{caseId}/log/{incident}")).MainText, StringComparison.Ordinal);
        Assert.Contains("by " + CaseAudience.SomeoneHelping, (await ally.GetAsync($"/cases/{caseId}/sightings/{sighting}")).MainText, StringComparison.Ordinal);
        var people = await ally.GetAsync($"/cases/{caseId}/people");
        Assert.Contains(ownerName, people.Document.QuerySelector("#members")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(people.Document.QuerySelector("#helpers-apart"));

        // The owner sees everyone.
        foreach (var page in new[] { "/history", "/activity", "/people", $"/log/{incident}", $"/sightings/{sighting}" })
        {
            Assert.Contains(otherName, (await owner.GetAsync($"/cases/{caseId}{page}")).Html, StringComparison.Ordinal);
        }

        // The owner lets helpers see each other: names and roles, from the ally's next request.
        var setting = await owner.SubmitAsync($"/cases/{caseId}/people", new Dictionary<string, string>(), "handler=HelpersSeeEachOther");
        Assert.Equal(HttpStatusCode.Redirect, setting.Status);
        foreach (var page in new[] { "/history", "/people", $"/log/{incident}", $"/sightings/{sighting}" })
        {
            Assert.Contains(otherName, (await ally.GetAsync($"/cases/{caseId}{page}")).Html, StringComparison.Ordinal);
        }

        Assert.Contains("Helper", (await ally.GetAsync($"/cases/{caseId}/people")).Document.QuerySelector($"#member-{otherId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/people", new Dictionary<string, string>(), "handler=HelpersSeeEachOther")).Status);
        Assert.DoesNotContain(otherName, (await ally.GetAsync($"/cases/{caseId}/history")).Html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(
            ["case.helpers-see-each-other", "case.helpers-kept-apart"],
            await db.AuditEvents.Where(e => e.CaseId == caseId && e.Action.StartsWith("case.helpers")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Only_the_owner_can_let_helpers_see_each_other()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (advocate, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = advocate;
        var token = await advocate.AntiforgeryTokenAsync($"/cases/{caseId}/people");
        var post = await advocate.PostAsync($"/cases/{caseId}/people?handler=HelpersSeeEachOther&allow=true", new Dictionary<string, string> { ["__rvt"] = token });
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Cases.Where(c => c.Id == caseId).Select(c => c.HelpersSeeEachOther).SingleAsync());
    }

    [Theory]
    [InlineData(CaseRole.Advocate, false)]
    [InlineData(CaseRole.Helper, false)]
    [InlineData(CaseRole.Viewer, false)]
    [InlineData(CaseRole.Advocate, true)]
    [InlineData(CaseRole.Helper, true)]
    [InlineData(CaseRole.Viewer, true)]
    public async Task An_ally_without_evidence_images_gets_no_file_name_source_or_description_on_any_page(CaseRole role, bool imagesGranted)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm("An entry with a file"));
        var png = TestImages.Png(21, 21);
        var file = await owner.AddEvidenceAsync(caseId, png, FileNameCanary, DescribedAs(incident));
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        await GrantAsync(caseId, allyName, imagesGranted, exportAllowed: false);

        var all = new System.Text.StringBuilder();
        foreach (var page in new[] { "", "/log", "/log?kind=Evidence", $"/log/{incident}", "/history", "/activity" })
        {
            var seen = await ally.GetAsync($"/cases/{caseId}{page}");
            Assert.Equal(HttpStatusCode.OK, seen.Status);
            all.Append(seen.Html);
        }

        var evidencePages = new[] { "/evidence", $"/evidence/{file}" };
        foreach (var page in evidencePages)
        {
            var seen = await ally.GetAsync($"/cases/{caseId}{page}");
            Assert.Equal(imagesGranted ? HttpStatusCode.OK : HttpStatusCode.NotFound, seen.Status);
            all.Append(seen.Html);
        }

        var text = all.ToString();
        if (imagesGranted)
        {
            Assert.Contains(DescriptionCanary, text, StringComparison.Ordinal);
            Assert.Contains(FileNameCanary, text, StringComparison.Ordinal);
            Assert.Contains(SourceCanary, text, StringComparison.Ordinal);
        }
        else
        {
            NoFileDetails("an ally's pages", text);
            var timeline = await ally.GetAsync($"/cases/{caseId}/log?kind=Evidence");
            Assert.Contains("Evidence file 1, details withheld", timeline.MainText, StringComparison.Ordinal);
            Assert.Contains(Hex(png), timeline.MainText, StringComparison.Ordinal);
        }

        // The owner sees all of it.
        Assert.Contains(DescriptionCanary, (await owner.GetAsync($"/cases/{caseId}/log?kind=Evidence")).Html, StringComparison.Ordinal);
        var ownersFile = (await owner.GetAsync($"/cases/{caseId}/evidence/{file}")).Html;
        Assert.Contains(FileNameCanary, ownersFile, StringComparison.Ordinal);
        Assert.Contains(SourceCanary, ownersFile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task An_allys_history_and_activity_give_no_count_and_no_gap_for_what_they_cannot_see(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared one"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm("Hidden one"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        if (role != CaseRole.Viewer)
        {
            await ally.AddIncidentAsync(caseId, app.IncidentForm("The ally's own entry"));
        }

        await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared two"));
        long total;
        await using (var db = app.CreateDbContext())
        {
            total = await db.AuditEvents.LongCountAsync(e => e.CaseId == caseId);
        }

        var history = await ally.GetAsync($"/cases/{caseId}/history");
        var check = history.Document.QuerySelector("#verification")!.TextContent.Trim();
        Assert.Equal(HistoryWording.IntactForAlly, check);
        var numbers = Numbers(history);
        Assert.True(numbers.Count < total, "The ally must be shown fewer events than the chain holds, or this test proves nothing.");
        Assert.Equal(Enumerable.Range(1, numbers.Count).Reverse(), numbers);

        var activity = await ally.GetAsync($"/cases/{caseId}/activity");
        var ids = activity.Document.QuerySelectorAll("#activity li").Select(li => li.Id!).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Reverse().Select(n => $"event-{n}"), ids);

        // The owner sees the whole history, its size and its own numbers.
        var owners = await owner.GetAsync($"/cases/{caseId}/history");
        Assert.Contains($"intact ({total} entries)", owners.Document.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, (int)total).Reverse(), Numbers(owners));
    }

    [Trait("Category", "Chromium")]
    [Theory]
    [InlineData(CaseRole.Advocate, false)]
    [InlineData(CaseRole.Helper, false)]
    [InlineData(CaseRole.Viewer, false)]
    [InlineData(CaseRole.Advocate, true)]
    [InlineData(CaseRole.Helper, true)]
    [InlineData(CaseRole.Viewer, true)]
    public async Task An_allys_export_lists_the_owner_and_them_keeps_notes_file_details_and_the_historys_size_out(CaseRole role, bool imagesGranted)
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}{StepUrlPart}", new Dictionary<string, string> { ["Input.Note"] = NoteCanary })).Status);
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared entry"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm("Hidden entry"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        await owner.AddEvidenceAsync(caseId, TestImages.Png(22, 22), FileNameCanary, DescribedAs(incident));
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        var (other, otherName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var ___ = other;
        await other.AddIncidentAsync(caseId, app.IncidentForm("The other helper's entry"));
        await GrantAsync(caseId, allyName, imagesGranted, exportAllowed: true);
        var otherId = await UserIdAsync(otherName);
        var folder = await ally.DownloadEverythingAsync(caseId);
        long total;
        await using (var db = app.CreateDbContext())
        {
            total = await db.AuditEvents.LongCountAsync(e => e.CaseId == caseId);
        }

        try
        {
            var text = await File.ReadAllTextAsync(Path.Combine(folder, "case.json"));
            Assert.DoesNotContain(NoteCanary, text, StringComparison.Ordinal);
            Assert.DoesNotContain(otherName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(otherId.ToString(), text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            Assert.Equal(
                new[] { ownerName, allyName }.Order(StringComparer.Ordinal),
                root.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("username").GetString()!).Order(StringComparer.Ordinal));
            var sequences = root.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
            Assert.True(sequences.Count < total, "The ally must be given fewer events than the chain holds, or this test proves nothing.");
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
            Assert.All(root.GetProperty("auditEvents").EnumerateArray(), e =>
            {
                Assert.Equal(JsonValueKind.Null, e.GetProperty("previousHash").ValueKind);
                Assert.Equal(JsonValueKind.Null, e.GetProperty("hash").ValueKind);
            });
            var chain = root.GetProperty("auditChain");
            Assert.True(chain.GetProperty("intact").GetBoolean());
            Assert.Equal(JsonValueKind.Null, chain.GetProperty("eventsChecked").ValueKind);
            var evidence = root.GetProperty("evidence").EnumerateArray().Single();
            Assert.Equal(!imagesGranted, evidence.GetProperty("detailsWithheld").GetBoolean());
            if (imagesGranted)
            {
                Assert.Contains(FileNameCanary, text, StringComparison.Ordinal);
                Assert.Contains(DescriptionCanary, text, StringComparison.Ordinal);
            }
            else
            {
                NoFileDetails("case.json", text);
            }

            var binder = PdfTools.FlatText(await File.ReadAllBytesAsync(Path.Combine(folder, "binder.pdf")));
            Assert.DoesNotContain(otherName, binder, StringComparison.Ordinal);
            Assert.DoesNotContain("Events in the history", binder, StringComparison.Ordinal);
            Assert.Contains("whole history", binder, StringComparison.Ordinal);
            if (!imagesGranted)
            {
                NoFileDetails("binder.pdf", binder);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The owner's export has everyone, the note, every detail and the whole history.
        var owners = await owner.DownloadEverythingAsync(caseId);
        try
        {
            var text = await File.ReadAllTextAsync(Path.Combine(owners, "case.json"));
            Assert.Contains(NoteCanary, text, StringComparison.Ordinal);
            Assert.Contains(otherName, text, StringComparison.Ordinal);
            Assert.Contains(FileNameCanary, text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(text);
            Assert.Equal(total + 2, json.RootElement.GetProperty("auditChain").GetProperty("eventsChecked").GetInt64());
            Assert.Contains("Events in the history", PdfTools.FlatText(await File.ReadAllBytesAsync(Path.Combine(owners, "binder.pdf"))), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(owners, recursive: true);
        }
    }

    private static Dictionary<string, string> DescribedAs(Guid incident) => new()
    {
        ["Input.SourceUrl"] = SourceCanary,
        ["Input.WhatItShows"] = DescriptionCanary,
        ["Input.IncidentId"] = incident.ToString(),
    };

    private static void NoFileDetails(string where, string text)
    {
        foreach (var canary in new[] { FileNameCanary, "canary-holiday", SourceCanary, "canary-source", DescriptionCanary })
        {
            Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{where} holds a file detail ({canary}).");
        }
    }

    private static List<int> Numbers(AppClient.PageResult history) =>
        history.Document.QuerySelectorAll("ol.history li p.meta")
            .Select(p => int.Parse(NumberPattern().Match(p.TextContent).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    [GeneratedRegex(@"No\. (\d+)")]
    private static partial Regex NumberPattern();

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> SightingOfAsync(Guid incident)
    {
        await using var db = app.CreateDbContext();
        return await db.Sightings.Where(s => s.IncidentId == incident).Select(s => s.Id).SingleAsync();
    }

    private async Task GrantAsync(Guid caseId, string username, bool images, bool exportAllowed)
    {
        var userId = await UserIdAsync(username);
        await using var db = app.CreateDbContext();
        await db.CaseMembers.Where(m => m.CaseId == caseId && m.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, images).SetProperty(m => m.ExportAllowed, exportAllowed));
    }
}

public sealed class AllyViewTestsOnSqlite(SqliteApp app) : AllyViewTests<SqliteApp>(app);

public sealed class AllyViewTestsOnPostgres(PostgresApp app) : AllyViewTests<PostgresApp>(app);
