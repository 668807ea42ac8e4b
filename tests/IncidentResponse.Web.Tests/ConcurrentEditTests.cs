using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Two people on one case editing the same entry or letter: the second save is refused, names who saved, shows both.</summary>
public abstract class ConcurrentEditTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task A_second_save_of_an_entry_names_the_ally_who_changed_it_and_keeps_what_was_typed()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (helper, helperName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = helper;
        var incidentId = await owner.AddIncidentAsync(caseId, app.IncidentForm("Original words"));
        var url = $"/cases/{caseId}/log/{incidentId}/edit";
        var ownersForm = await owner.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await helper.SubmitAsync(url, new Dictionary<string, string> { ["Input.Narrative"] = "The helper's words" })).Status);

        var form = app.IncidentForm("The owner's words");
        form["__rvt"] = ownersForm.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!;
        form["Input.Version"] = ownersForm.FieldValue("Input.Version")!;
        var refused = await owner.PostAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var conflict = refused.Document.QuerySelector("#conflict")!.TextContent;
        Assert.Contains($"changed by {helperName} while you were editing", conflict, StringComparison.Ordinal);
        Assert.Contains("The helper's words", conflict, StringComparison.Ordinal);
        Assert.Equal("The owner's words", refused.Document.QuerySelector("textarea[name='Input.Narrative']")!.TextContent.Trim());
        await using var db = app.CreateDbContext();
        Assert.Equal("The helper's words", (await db.Incidents.SingleAsync(i => i.Id == incidentId)).Narrative);
    }

    [Fact]
    public async Task The_same_entry_edit_sent_twice_is_saved_once_and_the_second_lands_on_the_entry()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incidentId = await owner.AddIncidentAsync(caseId, app.IncidentForm("Original words"));
        var url = $"/cases/{caseId}/log/{incidentId}/edit";
        var (action, values) = await owner.FormAsync(url, new Dictionary<string, string> { ["Input.Narrative"] = "  Corrected words  " });

        // The first answer is lost on the way (or the button is pressed twice): the same post, with the same version, again.
        var first = await owner.PostAsync(action, values);
        var again = await owner.PostAsync(action, values);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(first.Location, again.Location);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("Corrected words", (await db.Incidents.SingleAsync(i => i.Id == incidentId)).Narrative);
            Assert.Equal(1, await db.IncidentRevisions.CountAsync(r => r.IncidentId == incidentId));
        }

        // Different words on the same stale form are still refused, with both versions shown.
        values["Input.Narrative"] = "Other words";
        var refused = await owner.PostAsync(action, values);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#conflict"));
    }

    [Fact]
    public async Task The_same_letter_edit_sent_twice_is_saved_once_and_the_second_lands_on_the_letter()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var url = await SubmissionJourneys.ReadyLetterAsync(owner, caseId) + "/edit";
        var (action, values) = await owner.FormAsync(url, new Dictionary<string, string> { ["Input.Reasons"] = "Written once" });

        var first = await owner.PostAsync(action, values);
        var again = await owner.PostAsync(action, values);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "takedown.edited"));
        }

        values["Input.Reasons"] = "Written differently";
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(action, values)).Status);
    }

    [Fact]
    public async Task A_second_save_of_a_letter_names_the_ally_who_changed_it_and_keeps_what_was_typed()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (advocate, advocateName) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = advocate;
        await owner.AddSightingsAsync(caseId, "https://www.reddit.com/r/example/comments/abc123/post");
        Guid sightingId;
        await using (var db = app.CreateDbContext())
        {
            sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        }

        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var url = draft.Location!.OriginalString + "/edit";
        var ownersForm = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await advocate.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reasons"] = "Written by the advocate" })).Status);

        var fields = new Dictionary<string, string>
        {
            ["__rvt"] = ownersForm.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!,
            ["Input.Version"] = ownersForm.FieldValue("Input.Version")!,
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.Reasons"] = "Written by the owner",
        };
        var refused = await owner.PostAsync(url, fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var conflict = refused.Document.QuerySelector("#conflict")!.TextContent;
        Assert.Contains($"changed by {advocateName} while you were editing", conflict, StringComparison.Ordinal);
        Assert.Contains("Written by the advocate", conflict, StringComparison.Ordinal);
        Assert.Contains("Written by the owner", refused.Document.QuerySelector("textarea[name='Input.Reasons']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_letter_conflict_page_shows_every_editable_field_both_ways_and_marks_the_ones_that_differ()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (helper, helperName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = helper;
        await owner.AddSightingsAsync(caseId, "https://www.reddit.com/r/example/comments/first1/post\nhttps://www.reddit.com/r/example/comments/second2/post");
        List<Guid> places;
        await using (var db = app.CreateDbContext())
        {
            places = await db.Sightings.Where(s => s.CaseId == caseId).OrderBy(s => s.Url).Select(s => s.Id).ToListAsync();
        }

        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = places[0].ToString(),
            ["Input.SenderName"] = "Sam",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.LetterDate"] = "2026-11-01",
        });
        var url = draft.Location!.OriginalString + "/edit";
        var ownersForm = await owner.GetAsync(url);

        // The helper changes the name, the phone, the date and what the image is; the owner, the name and the reasons.
        var saved = await helper.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.SenderName"] = "Sam Helper-Typed",
            ["Input.SenderPhone"] = "+44 20 7946 0000",
            ["Input.CopyrightedWork"] = "A photo from the helper",
            ["Input.LetterDate"] = "2026-11-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", ownersForm.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!),
            new("Input.Version", ownersForm.FieldValue("Input.Version")!),
            new("Input.Kind", "PlatformPolicyReport"),
            new("Input.SightingIds", places[0].ToString()),
            new("Input.SightingIds", places[1].ToString()),
            new("Input.SenderName", "Sam Owner-Typed"),
            new("Input.SenderEmail", "sam@example.org"),
            new("Input.GoodFaithConfirmed", "true"),
            new("Input.Reasons", "Written by the owner"),
            new("Input.LetterDate", "2026-11-01"),
        };
        using var response = await owner.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        var refused = await AppClient.PageResult.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"changed by {helperName} while you were editing", refused.Document.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        var rows = refused.Document.QuerySelectorAll("#saved-version tbody tr")
            .ToDictionary(r => r.GetAttribute("data-field")!, r => (
                Yours: r.QuerySelector("td.yours")!.TextContent.Trim(),
                Saved: r.QuerySelector("td.saved")!.TextContent.Trim(),
                Changed: r.ClassList.Contains("changed") && r.QuerySelector("th .tag") is not null));

        // Every field the form lets a person edit has its row.
        var editable = refused.Document.QuerySelectorAll("form input[name^='Input.'], form textarea[name^='Input.'], form select[name^='Input.']")
            .Select(e => e.GetAttribute("name")!["Input.".Length..]).Where(n => n != "Version").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(editable);
        Assert.Subset(rows.Keys.ToHashSet(StringComparer.Ordinal), editable);

        Assert.Equal(("Sam Owner-Typed", "Sam Helper-Typed", true), rows["SenderName"]);
        Assert.Equal(("", "+44 20 7946 0000", true), rows["SenderPhone"]);
        Assert.Equal(("", "A photo from the helper", true), rows["CopyrightedWork"]);
        Assert.Equal(("Written by the owner", "", true), rows["Reasons"]);
        Assert.Equal(("1 Nov 2026", "2 Nov 2026", true), rows["LetterDate"]);
        Assert.True(rows["SightingIds"].Changed);
        Assert.Contains("second2", rows["SightingIds"].Yours, StringComparison.Ordinal);
        Assert.DoesNotContain("second2", rows["SightingIds"].Saved, StringComparison.Ordinal);
        Assert.Equal(("sam@example.org", "sam@example.org", false), rows["SenderEmail"]);
        Assert.Equal(("Yes", "Yes", false), rows["GoodFaithConfirmed"]);
        Assert.False(rows["Kind"].Changed);
        Assert.Equal(6, rows.Values.Count(r => r.Changed));

        // What the owner typed is still in the form, ready to save again over the helper's version.
        Assert.Equal("Sam Owner-Typed", refused.FieldValue("Input.SenderName"));
        Assert.Contains("Written by the owner", refused.Document.QuerySelector("textarea[name='Input.Reasons']")!.TextContent, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var stored = await check.TakedownRequests.SingleAsync(r => r.CaseId == caseId);
        Assert.Equal("Sam Helper-Typed", stored.Sender.Name.Value);
        Assert.Null(stored.Reasons);
    }
}

public sealed class ConcurrentEditTestsOnSqlite(SqliteApp app) : ConcurrentEditTests<SqliteApp>(app);

public sealed class ConcurrentEditTestsOnPostgres(PostgresApp app) : ConcurrentEditTests<PostgresApp>(app);
