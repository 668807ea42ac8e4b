using System.Net;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Keeping a record: incidents with their kept versions, places found with their takedown story, the timeline, the history.</summary>
public abstract class LogTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task An_incident_added_is_on_the_record_the_timeline_and_the_dashboard()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("They posted a photo of me"));

        var page = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("They posted a photo of me", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Reddit", page.MainText, StringComparison.Ordinal);
        Assert.Contains("21:30 London time", page.MainText, StringComparison.Ordinal);
        Assert.Contains($"Added by {username}", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("photo", page.Title, StringComparison.OrdinalIgnoreCase);
        var log = await client.GetAsync($"/cases/{caseId}/log");
        Assert.Contains("They posted a photo of me", log.Document.QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);
        var dashboard = await client.GetAsync($"/cases/{caseId}");
        var step = dashboard.Document.QuerySelectorAll("ol.steps > li").Single(li => li.TextContent.Contains("Keep a record", StringComparison.Ordinal));
        Assert.Equal($"/cases/{caseId}/log", step.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("1 entry, 0 places found", step.TextContent, StringComparison.Ordinal);
        var planStep = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.IncidentLog)}");
        Assert.NotNull(planStep.Document.QuerySelector($"main a[href='/cases/{caseId}/log']"));

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "incident.added").SingleAsync();
        Assert.Equal(incidentId.ToString(), audit.EntityId);
    }

    [Theory]
    [InlineData("OccurredOn", "future", "Input.OccurredOn", "in the future")]
    [InlineData("Url", "ftp://example.org/file", "Input.Url", "http:// or https://")]
    [InlineData("Url", "javascript:alert(1)", "Input.Url", "http:// or https://")]
    [InlineData("Narrative", "", "Input.Narrative", "say a little about what happened")]
    [InlineData("FoundOn", "before", "Input.FoundOn", "found it before it happened")]
    [InlineData("SeriesEndOn", "before", "Input.SeriesEndOn", "needs to be after the first")]
    [InlineData("TimeZone", "Mars/Olympus", "Input.TimeZone", "where in the world that time was")]
    public async Task Input_that_cannot_be_used_is_explained_by_its_field_and_everything_typed_is_kept(string field, string value, string errorField, string expected)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        value = value switch
        {
            "future" => app.Day(-3),
            "before" => app.Day(11),
            _ => value,
        };
        var form = app.IncidentForm("Messages every night", (field, value), ("EvidenceStillNeeded", "The first message"));

        var result = await client.SubmitAsync($"/cases/{caseId}/log/new", form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.FieldError(errorField), StringComparison.Ordinal);
        Assert.NotNull(result.Document.QuerySelector("#error-summary"));
        foreach (var (name, typed) in form.Where(f => f.Key is not ("Input.Kind" or "Input.Perpetrator" or "Input.Concern" or "Input.Platform")))
        {
            var element = result.Document.QuerySelector($"main [name='{name}']")!;
            var shown = element.LocalName switch
            {
                "textarea" => element.TextContent.TrimStart('\n'),
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
            Assert.Equal(typed, shown);
        }

        Assert.NotNull(result.Document.QuerySelector("main input[name='Input.Kind'][value='Post'][checked]"));
        Assert.NotNull(result.Document.QuerySelector("main input[name='Input.Concern'][value='2'][checked]"));
        Assert.Equal("reddit", result.Document.QuerySelector("main select[name='Input.Platform'] option[selected]")!.GetAttribute("value"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Incidents.AnyAsync(i => i.CaseId == caseId));
    }

    [Fact]
    public async Task An_edit_keeps_the_previous_version_visible_with_who_and_when()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("First account of it"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var saved = await client.SubmitAsync($"/cases/{caseId}/log/{incidentId}/edit", new Dictionary<string, string>
        {
            ["Input.Narrative"] = "Corrected account of it",
            ["Input.Concern"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var page = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        Assert.Contains("Corrected account of it", page.Document.QuerySelector("main > dl.record")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Version 2", page.MainText, StringComparison.Ordinal);
        var earlier = Assert.Single(page.Document.QuerySelectorAll("ol.versions > li"));
        Assert.Contains("First account of it", earlier.TextContent, StringComparison.Ordinal);
        Assert.Contains("Quite worrying", earlier.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Version 1: saved by {username}", earlier.TextContent, StringComparison.Ordinal);
        Assert.Contains($"replaced by {username}", earlier.TextContent, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var revision = await db.IncidentRevisions.SingleAsync(r => r.IncidentId == incidentId);
        Assert.Equal(1, revision.Number);
        Assert.Equal("First account of it", revision.Snapshot.Narrative);
        Assert.Single(await db.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "incident.edited" && e.EntityId == incidentId.ToString()).ToListAsync());
    }

    [Fact]
    public async Task A_stale_edit_shows_both_versions_and_keeps_what_was_typed()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Original words"));
        var url = $"/cases/{caseId}/log/{incidentId}/edit";
        var stale = await client.GetAsync(url);
        var staleToken = stale.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Narrative"] = "Saved on the laptop" })).Status);

        var form = app.IncidentForm("Typed on the phone");
        form["__rvt"] = staleToken;
        form["Input.Version"] = stale.FieldValue("Input.Version")!;
        var second = await client.PostAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("changed by you, in another window while you were editing", second.MainText, StringComparison.Ordinal);
        Assert.Contains("Saved on the laptop", second.Document.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed on the phone", second.Document.QuerySelector("textarea[name='Input.Narrative']")!.TextContent.Trim());
        Assert.Contains("Saved on the laptop", (await client.GetAsync($"/cases/{caseId}/log/{incidentId}")).MainText, StringComparison.Ordinal);

        form["Input.Version"] = second.FieldValue("Input.Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, form)).Status);
        var page = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        Assert.Contains("Typed on the phone", page.Document.QuerySelector("main > dl.record")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.Document.QuerySelectorAll("ol.versions > li").Length);
    }

    [Fact]
    public async Task A_series_is_one_entry_from_its_first_to_its_last_day()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm(
            "A message every night", ("Kind", "DirectMessage"), ("OccurredOn", app.Day(30)), ("SeriesEndOn", app.Day(2)), ("FoundOn", app.Day(30)),
            ("OccurredAt", ""), ("TimeZone", "")));

        var page = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        Assert.Matches(@"From \d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}", page.MainText);
        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        Assert.Equal(DateOnly.Parse(app.Day(2), System.Globalization.CultureInfo.InvariantCulture), stored.SeriesEndOn);
    }

    [Fact]
    public async Task Pasted_addresses_are_added_once_and_what_was_skipped_is_explained()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, "https://example.org/already");

        var result = await client.AddSightingsAsync(caseId, string.Join('\n',
            "https://www.reddit.com/r/a/comments/1",
            "https://WWW.REDDIT.com/r/a/comments/1/",
            "https://x.com/someone/status/2, https://example.org/already",
            "ftp://files.example.org/x",
            "not a link"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var skipped = result.Document.QuerySelector("#skipped")!.TextContent;
        Assert.Contains("2 places were added", skipped, StringComparison.Ordinal);
        Assert.Contains("https://WWW.REDDIT.com/r/a/comments/1/: it is already in the list", skipped, StringComparison.Ordinal);
        Assert.Contains("https://example.org/already: it is already in this case", skipped, StringComparison.Ordinal);
        Assert.Contains("ftp://files.example.org/x: only web addresses starting with http:// or https://", skipped, StringComparison.Ordinal);
        Assert.Contains("not: it doesn't look like a web address", skipped, StringComparison.Ordinal);
        Assert.Contains("ftp://files.example.org/x", result.Document.QuerySelector("textarea")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("x.com", result.Document.QuerySelector("textarea")!.TextContent, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var stored = await db.Sightings.Where(s => s.CaseId == caseId).OrderBy(s => s.Url).Select(s => new { s.Url, s.Platform, s.Status }).ToListAsync();
        Assert.Equal(["https://example.org/already", "https://www.reddit.com/r/a/comments/1", "https://x.com/someone/status/2"], stored.Select(s => s.Url));
        Assert.Equal(["other", "reddit", "x"], stored.Select(s => s.Platform));
        Assert.All(stored, s => Assert.Equal(SightingStatus.Found, s.Status));
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "sighting.added"));

        var clean = await client.AddSightingsAsync(caseId, "https://tiktok.com/@a/video/3");
        Assert.Equal(HttpStatusCode.Redirect, clean.Status);
        Assert.Contains("1 place was added", (await client.GetAsync(clean.Location!.OriginalString)).MainText, StringComparison.Ordinal);

        var nothing = await client.AddSightingsAsync(caseId, "just words");
        Assert.Contains("None of these look like web addresses", nothing.FieldError("Input.Urls"), StringComparison.Ordinal);
        Assert.Equal("just words", nothing.Document.QuerySelector("textarea")!.TextContent.Trim());
    }

    [Fact]
    public async Task Status_changes_are_recorded_with_who_when_and_the_note_and_impossible_steps_are_refused()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm());
        await client.AddSightingsAsync(caseId, "https://example.org/copy", incidentId);
        await using var db = app.CreateDbContext();
        var sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        var url = $"/cases/{caseId}/sightings/{sightingId}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = "Reported", ["Input.Note"] = "Report number 4471" })).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = "Removed" })).Status);
        var refused = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = "Reported", ["Input.Note"] = "keep me" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("choose one of the next steps", refused.FieldError("Input.Status"), StringComparison.Ordinal);
        Assert.Equal("keep me", refused.Document.QuerySelector("textarea")!.TextContent.Trim());
        var page = await client.GetAsync(url);
        var history = page.Document.QuerySelectorAll("ol.status-history > li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains("Removed", history[0], StringComparison.Ordinal);
        Assert.Contains($"by {username}", history[0], StringComparison.Ordinal);
        Assert.Contains("Report number 4471", history[1], StringComparison.Ordinal);
        Assert.Contains("Found", history[2], StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Status'][value='Reappeared']"));
        Assert.Null(page.Document.QuerySelector("input[name='Input.Status'][value='Reported']"));
        Assert.Contains("A post or upload", page.MainText, StringComparison.Ordinal);

        var changes = await db.SightingStatusChanges.Where(c => c.SightingId == sightingId).OrderBy(c => c.ChangedUtc).ToListAsync();
        Assert.Equal([(SightingStatus.Found, SightingStatus.Reported), (SightingStatus.Reported, SightingStatus.Removed)], changes.Select(c => (c.From, c.To)));
        Assert.True(changes[1].ChangedUtc - changes[0].ChangedUtc >= TimeSpan.FromMinutes(3));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "sighting.status-changed"));
    }

    [Fact]
    public async Task A_stale_status_change_says_what_happened_meanwhile_and_keeps_the_note()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, "https://example.org/raced");
        await using var db = app.CreateDbContext();
        var url = $"/cases/{caseId}/sightings/{await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync()}";
        var stale = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = "Reported" })).Status);

        var late = await client.PostAsync(url, new Dictionary<string, string>
        {
            ["__rvt"] = stale.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!,
            ["Input.Version"] = stale.FieldValue("Input.Version")!,
            ["Input.Status"] = "Saved",
            ["Input.Note"] = "Saved a screenshot",
        });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("It is now \"Reported to the platform\"", late.Document.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Saved a screenshot", late.Document.QuerySelector("textarea")!.TextContent.Trim());
        Assert.Single(await db.SightingStatusChanges.Where(c => c.CaseId == caseId).ToListAsync());
    }

    [Fact]
    public async Task The_timeline_mixes_incidents_and_places_in_order_a_page_at_a_time_with_filters_and_triage()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var firstPost = await client.AddIncidentAsync(caseId, app.IncidentForm("The first post", ("OccurredOn", app.Day(200)), ("FoundOn", app.Day(200)), ("Concern", "1")));
        var threat = await client.AddIncidentAsync(caseId, app.IncidentForm("A threat", ("Kind", "Threat"), ("Platform", "instagram"), ("OccurredOn", app.Day(150)), ("FoundOn", app.Day(150)), ("Concern", "3")));
        await using (var db = app.CreateDbContext())
        {
            var user = await db.CaseMembers.Where(m => m.CaseId == caseId).Select(m => m.UserId).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            for (var day = 100; day > 45; day--)
            {
                db.Incidents.Add(Incident.Add(
                    caseId,
                    new IncidentSnapshot(IncidentKind.DirectMessage, DateOnly.FromDateTime(now).AddDays(-day), null, "", null, DateOnly.FromDateTime(now).AddDays(-day), "whatsapp", "", "", Domain.Safety.PerpetratorKnown.Unknown, "", $"Message {day}", "", "", "", "", 1),
                    user,
                    now));
            }

            await db.SaveChangesAsync();
        }

        await client.AddSightingsAsync(caseId, "https://example.org/seen-today");

        var first = await client.GetAsync($"/cases/{caseId}/log");
        var rows = first.Document.QuerySelectorAll("ol.timeline > li");
        Assert.Equal(50, rows.Length);
        Assert.Contains("58 entries, page 1 of 2", first.MainText, StringComparison.Ordinal);
        Assert.Contains("The first post", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("First post", rows[0].QuerySelector(".triage")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Most concerning", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Message 100", rows[2].TextContent, StringComparison.Ordinal);
        var later = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/cases/{caseId}/log?page=2", later);

        var second = await client.GetAsync(later);
        var secondRows = second.Document.QuerySelectorAll("ol.timeline > li");
        Assert.Equal(8, secondRows.Length);
        Assert.Equal(3, secondRows.Count(r => r.TextContent.Contains("Most recent", StringComparison.Ordinal)));
        Assert.Contains("https://example.org/seen-today", secondRows[^1].TextContent, StringComparison.Ordinal);
        Assert.Equal("sighting", secondRows[^1].ClassName!.Split(' ').Last());

        var threats = await client.GetAsync($"/cases/{caseId}/log?kind=Threat");
        Assert.Equal($"/cases/{caseId}/log/{threat}", Assert.Single(threats.Document.QuerySelectorAll("ol.timeline > li")).QuerySelector("a")!.GetAttribute("href"));
        var whatsapp = await client.GetAsync($"/cases/{caseId}/log?platform=whatsapp&page=2");
        Assert.Equal(5, whatsapp.Document.QuerySelectorAll("ol.timeline > li").Length);
        Assert.Equal($"/cases/{caseId}/log?page=1&platform=whatsapp", whatsapp.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        var places = await client.GetAsync($"/cases/{caseId}/log?kind=Sighting");
        Assert.Single(places.Document.QuerySelectorAll("ol.timeline > li"));
        var nonsense = await client.GetAsync($"/cases/{caseId}/log?kind=1&platform=myspace&page=-4");
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
        Assert.Contains("58 entries", nonsense.MainText, StringComparison.Ordinal);
        Assert.NotEqual(firstPost, threat);
    }

    [Fact]
    public async Task Takedown_requests_sent_and_their_answers_are_on_the_timeline_in_order_and_link_to_the_request()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm("Posted on a forum", ("OccurredOn", app.Day(20)), ("FoundOn", app.Day(20))));
        await client.AddSightingsAsync(caseId, "https://example.org/forum-post");
        var letterUrl = await SendLetterAsync(client, caseId, app.Day(8), "TICKET-7");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "Refused",
            ["Answer.ReceivedOn"] = app.Day(5),
        }, "handler=Answer")).Status);
        var followUp = (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp")).Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(followUp, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(followUp, new Dictionary<string, string> { ["Send.Channel"] = "Email" }, "handler=Send")).Status);

        var timeline = await client.GetAsync($"/cases/{caseId}/log");

        var rows = timeline.Document.QuerySelectorAll("ol.timeline > li").ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains("Posted on a forum", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Takedown request sent to Reddit", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("TICKET-7", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Answer from Reddit: Refused", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("https://example.org/forum-post", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Follow-up sent to Reddit", rows[4].TextContent, StringComparison.Ordinal);
        Assert.Equal(letterUrl, rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(letterUrl, rows[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(followUp, rows[4].QuerySelector("a")!.GetAttribute("href"));
        Assert.All(new[] { rows[1], rows[2], rows[4] }, r => Assert.Contains("takedown", r.ClassName!.Split(' ')));

        var takedownsOnly = await client.GetAsync($"/cases/{caseId}/log?kind=Takedown");
        Assert.Equal(
            ["Takedown request sent to Reddit", "Answer from Reddit: Refused", "Follow-up sent to Reddit"],
            takedownsOnly.Document.QuerySelectorAll("ol.timeline > li h2 a").Select(a => a.TextContent.Trim()).ToList());
        Assert.NotNull(takedownsOnly.Document.QuerySelector("select#kind option[value=Takedown][selected]"));
        Assert.Equal(4, (await client.GetAsync($"/cases/{caseId}/log?platform=reddit")).Document.QuerySelectorAll("ol.timeline > li").Length);
        Assert.Empty((await client.GetAsync($"/cases/{caseId}/log?platform=instagram")).Document.QuerySelectorAll("ol.timeline > li"));
        Assert.Single((await client.GetAsync($"/cases/{caseId}/log?kind=Sighting")).Document.QuerySelectorAll("ol.timeline > li"));
    }

    /// <summary>Writes, finalises and sends a report to Reddit about the case's first place found; returns the letter's page.</summary>
    private async Task<string> SendLetterAsync(AppClient client, Guid caseId, string sentOn, string reference)
    {
        await using var db = app.CreateDbContext();
        var sightingId = await db.Sightings.Where(s => s.CaseId == caseId).OrderBy(s => s.FirstSeenUtc).Select(s => s.Id).FirstAsync();
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.Channel"] = "Form",
            ["Send.SentOn"] = sentOn,
            ["Send.Reference"] = reference,
        }, "handler=Send")).Status);
        return letterUrl;
    }

    /// <summary>
    /// Three commands whatever the page (the session, the count, the page's keys), then one for each kind of entry on
    /// the page (two for incidents: their rows and triage's candidates): never more for a bigger case.
    /// </summary>
    [Fact]
    public async Task The_timeline_takes_queries_for_the_kinds_on_its_page_never_more_for_a_bigger_case()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm());
        var small = await QueriesForAsync(client, $"/cases/{caseId}/log");

        for (var i = 0; i < 12; i++)
        {
            await client.AddIncidentAsync(caseId, app.IncidentForm($"Entry {i}", ("Concern", "3")));
        }

        await client.AddSightingsAsync(caseId, string.Join('\n', Enumerable.Range(0, 12).Select(i => $"https://example.org/{i}")));
        var letterUrl = await SendLetterAsync(client, caseId, app.Day(3), "REF-1");
        await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Answer.Outcome"] = "Removed" }, "handler=Answer");
        var large = await QueriesForAsync(client, $"/cases/{caseId}/log");
        var takedownsOnly = await QueriesForAsync(client, $"/cases/{caseId}/log?kind=Takedown&page=2");
        for (var i = 0; i < 12; i++)
        {
            await client.AddIncidentAsync(caseId, app.IncidentForm($"Later entry {i}"));
        }

        var larger = await QueriesForAsync(client, $"/cases/{caseId}/log");

        Assert.Equal(3 + 2, small);
        Assert.Equal(3 + 2 + 1 + 1 + 1, large);
        Assert.Equal(large, larger);
        Assert.Equal(3 + 1 + 1, takedownsOnly);
    }

    private async Task<int> QueriesForAsync(AppClient client, string url)
    {
        var before = app.Logs.Entries.Count(IsCommand);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).Status);
        return app.Logs.Entries.Count(IsCommand) - before;

        // The binder job runner's own polling (tagged) may fall inside the request: it is not the request's.
        static bool IsCommand(string entry) => entry.Contains("Executed DbCommand", StringComparison.Ordinal)
            && !entry.Contains("-- " + IncidentResponse.Web.Pages.Cases.Binder.BinderJobRunner.Background, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_lists_changes_newest_first_and_says_whether_it_is_intact()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm());
        await client.AddSightingsAsync(caseId, "https://example.org/a");

        var history = await client.GetAsync($"/cases/{caseId}/history");

        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("intact", history.Document.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
        var items = history.Document.QuerySelectorAll("ol.history > li").Select(li => li.TextContent).ToList();
        Assert.Contains("Added a place it was found", items[0], StringComparison.Ordinal);
        Assert.Contains("Added an entry to the record", items[1], StringComparison.Ordinal);
        Assert.Contains($"by {username}", items[1], StringComparison.Ordinal);
        Assert.NotNull(history.Document.QuerySelector($"a[href='/cases/{caseId}/log/{incidentId}']"));

        await using (var db = app.CreateDbContext())
        {
            var tampered = await db.AuditEvents.SingleAsync(e => e.CaseId == caseId && e.Action == "incident.added");
            tampered.Details = "changed afterwards";
            await db.SaveChangesAsync();
        }

        var broken = await client.GetAsync($"/cases/{caseId}/history");
        var verification = broken.Document.QuerySelector("#verification")!.TextContent;
        Assert.Contains("not intact", verification, StringComparison.Ordinal);
        Assert.Contains("Entry number 2", verification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_can_read_the_record_but_not_add_to_it_or_change_it()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incidentId = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared with a viewer"));
        await owner.AddSightingsAsync(caseId, "https://example.org/viewed");
        using var viewer = app.CreateAppClient();
        var viewerName = await viewer.SignUpAsync();
        Guid sightingId;
        await using (var db = app.CreateDbContext())
        {
            var viewerId = await db.Users.Where(u => u.UserName == viewerName).Select(u => u.Id).SingleAsync();
            db.CaseMembers.Add(new Domain.Cases.CaseMember { CaseId = caseId, UserId = viewerId, Role = Domain.Cases.CaseRole.Viewer, JoinedUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        }

        var token = await viewer.AntiforgeryTokenAsync("/cases/new");
        var log = await viewer.GetAsync($"/cases/{caseId}/log");
        Assert.Contains("Shared with a viewer", log.MainText, StringComparison.Ordinal);
        Assert.Null(log.Document.QuerySelector($"a[href='/cases/{caseId}/log/new']"));
        Assert.Null((await viewer.GetAsync($"/cases/{caseId}/log/{incidentId}")).Document.QuerySelector($"a[href$='/edit']"));
        Assert.Null((await viewer.GetAsync($"/cases/{caseId}/sightings/{sightingId}")).Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/cases/{caseId}/history")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/cases/{caseId}/log/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/cases/{caseId}/log/{incidentId}/edit")).Status);
        var add = app.IncidentForm("Added by a viewer");
        add["__rvt"] = token;
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsync($"/cases/{caseId}/log/new", add)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsync($"/cases/{caseId}/sightings/add", new Dictionary<string, string> { ["__rvt"] = token, ["Input.Urls"] = "https://example.org/new" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsync($"/cases/{caseId}/sightings/{sightingId}", new Dictionary<string, string> { ["__rvt"] = token, ["Input.Status"] = "Removed", ["Input.Version"] = "1" })).Status);
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Incidents.CountAsync(i => i.CaseId == caseId));
        Assert.Equal(SightingStatus.Found, (await check.Sightings.SingleAsync(s => s.Id == sightingId)).Status);
    }

    [Fact]
    public async Task An_incident_or_place_from_another_case_is_404_under_your_case()
    {
        var (owner, _, ownerCase) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incidentId = await owner.AddIncidentAsync(ownerCase, app.IncidentForm("Owner's own words"));
        await owner.AddSightingsAsync(ownerCase, "https://example.org/owners");
        Guid sightingId;
        await using (var db = app.CreateDbContext())
        {
            sightingId = await db.Sightings.Where(s => s.CaseId == ownerCase).Select(s => s.Id).SingleAsync();
        }

        var (other, _, otherCase) = await app.NewSurvivorWithCaseAsync();
        using var __ = other;
        var token = await other.AntiforgeryTokenAsync($"/cases/{otherCase}/log/new");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCase}/log/{incidentId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCase}/log/{incidentId}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCase}/sightings/{sightingId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCase}/sightings/add?incident={incidentId}")).Status);
        var edit = app.IncidentForm("Overwritten by someone else");
        edit["__rvt"] = token;
        edit["Input.Version"] = "1";
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/cases/{otherCase}/log/{incidentId}/edit", edit)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/cases/{otherCase}/sightings/{sightingId}", new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Input.Status"] = "Removed",
            ["Input.Version"] = "1",
        })).Status);
        var link = await other.PostAsync($"/cases/{otherCase}/sightings/add", new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Input.Urls"] = "https://example.org/sneaky",
            ["Input.IncidentId"] = incidentId.ToString(),
        });
        Assert.Equal(HttpStatusCode.NotFound, link.Status);

        await using var check = app.CreateDbContext();
        Assert.Equal("Owner's own words", (await check.Incidents.SingleAsync(i => i.Id == incidentId)).Narrative);
        Assert.Equal(SightingStatus.Found, (await check.Sightings.SingleAsync(s => s.Id == sightingId)).Status);
        Assert.False(await check.Sightings.AnyAsync(s => s.CaseId == otherCase));
    }
}

public sealed class LogTestsOnSqlite(SqliteApp app) : LogTests<SqliteApp>(app);

public sealed class LogTestsOnPostgres(PostgresApp app) : LogTests<PostgresApp>(app);
