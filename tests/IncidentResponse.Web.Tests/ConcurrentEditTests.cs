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
}

public sealed class ConcurrentEditTestsOnSqlite(SqliteApp app) : ConcurrentEditTests<SqliteApp>(app);

public sealed class ConcurrentEditTestsOnPostgres(PostgresApp app) : ConcurrentEditTests<PostgresApp>(app);
