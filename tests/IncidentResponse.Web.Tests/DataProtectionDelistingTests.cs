using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// A person in the EU picks their own country, sees 112 and their own Digital Services Coordinator; a person in the EU,
/// EEA or UK can write a GDPR / UK GDPR delisting request to a search engine, finalise it, send it and follow it up.
/// </summary>
public abstract class DataProtectionDelistingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Result = "https://forum.example.net/thread/delist-1";

    private static string[] Offered(AppClient.PageResult page) =>
        page.Document.QuerySelectorAll("main input[name='Input.Kind']").Select(e => e.GetAttribute("value")!).ToArray();

    [Fact]
    public async Task A_person_in_france_picks_their_country_sees_112_and_their_own_digital_services_coordinator()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var form = await client.GetAsync("/cases/new");
        Assert.NotNull(form.Document.QuerySelector("select[name='Input.JurisdictionCode'] option[value='FR']"));
        Assert.Equal(1, form.Document.QuerySelectorAll("select[name='Input.JurisdictionCode'] option[value='IE']").Length);

        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "FR");

        await using var db = app.CreateDbContext();
        Assert.Equal("FR", (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId)).JurisdictionCode);
        var safety = await client.GetAsync($"/cases/{caseId}/safety");
        Assert.Contains("112", safety.Document.QuerySelector("#emergency-heading")!.TextContent, StringComparison.Ordinal);
        var details = await client.GetAsync($"/cases/{caseId}/details");
        Assert.NotNull(details.Document.QuerySelector("select[name='Input.JurisdictionCode'] option[value='FR'][selected]"));

        var reddit = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");
        var coordinator = reddit.Document.QuerySelector("#coordinator")!;
        Assert.Contains("Arcom", coordinator.TextContent, StringComparison.Ordinal);
        Assert.Contains("the Digital Services Coordinator where you live", coordinator.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not yet checked", coordinator.TextContent, StringComparison.Ordinal);
        Assert.NotNull(coordinator.QuerySelector("a[href='https://www.arcom.fr/']"));

        var notice = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "DsaNotice" });
        Assert.Equal(HttpStatusCode.Redirect, notice.Status);
        Assert.Contains("Arcom", (await client.GetAsync(notice.Location!.OriginalString)).Document.QuerySelector("#coordinator")!.TextContent, StringComparison.Ordinal);
        var report = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "PlatformPolicyReport" });
        Assert.Null((await client.GetAsync(report.Location!.OriginalString)).Document.QuerySelector("#coordinator"));
    }

    [Fact]
    public async Task Ireland_keeps_its_pack_and_sees_coimisiun_na_mean_a_person_outside_the_eu_sees_no_coordinator_and_a_move_is_stored()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var ireland = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "IE");
        var us = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "US");
        await using var db = app.CreateDbContext();

        Assert.Equal("IE", (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == ireland)).JurisdictionCode);
        Assert.Contains("Coimisiún na Meán", (await client.GetAsync($"/cases/{ireland}/takedowns/new?platform=reddit")).Document.QuerySelector("#coordinator")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await client.GetAsync($"/cases/{us}/takedowns/new?platform=reddit")).Document.QuerySelector("#coordinator"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/cases/{us}/details", new Dictionary<string, string> { ["Input.JurisdictionCode"] = "de" })).Status);
        Assert.Equal("DE", (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == us)).JurisdictionCode);
        Assert.Contains("Bundesnetzagentur", (await client.GetAsync($"/cases/{us}/takedowns/new?platform=reddit")).Document.QuerySelector("#coordinator")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_uk_delisting_request_is_drafted_finalised_sent_by_post_and_followed_up_with_the_date_its_month_ended()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "GB");
        await client.AddSightingsAsync(caseId, Result);
        await using var db = app.CreateDbContext();
        var result = await db.Sightings.SingleAsync(s => s.CaseId == caseId);

        var google = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=google-search");
        Assert.Equal(["SearchDelisting", "DataProtectionDelisting", "DmcaNotice"], Offered(google));
        Assert.NotNull(google.Document.QuerySelector("#data-protection-route a[href='https://reportcontent.google.com/forms/rtbf']"));
        var letterDate = new DateOnly(2026, 1, 31);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=google-search", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DataProtectionDelisting",
            ["Input.SightingIds"] = result.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.SenderPostalAddress"] = "1 Home Street",
            ["Input.SenderPostalAddressPrivate"] = "true",
            ["Input.SearchTerms"] = "Sam Example",
            ["Input.LetterDate"] = letterDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var requestId = Guid.Parse(letterUrl.Split('/')[4]);
        var stored = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal(("Sam Example", LetterKind.DataProtectionDelisting), (stored.SearchTerms, stored.Kind));

        var page = await client.GetAsync(letterUrl);
        Assert.Null(page.Document.QuerySelector("#missing"));
        var text = page.Document.QuerySelector("#letter")!.TextContent;
        Assert.Contains("Article 17(1) of the UK General Data Protection Regulation (UK GDPR)", text, StringComparison.Ordinal);
        Assert.Contains("They appear in searches for: Sam Example", text, StringComparison.Ordinal);
        Assert.Contains("- (d) the personal data have been unlawfully processed", text, StringComparison.Ordinal);
        Assert.Contains("one calendar month from receiving it.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("February 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home Street", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        var final = await client.GetAsync(letterUrl);
        Assert.NotNull(final.Document.QuerySelector("input[name='Send.Channel'][value='Post']"));
        var sent = await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Post", ["Send.SentOn"] = "2026-01-31", ["Send.SentAt"] = "10:00" }, "handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(TakedownStatus.Sent, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Status);

        var followUp = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp");
        Assert.Equal(HttpStatusCode.Redirect, followUp.Status);
        var followUpText = (await client.GetAsync(followUp.Location!.OriginalString)).Document.QuerySelector("#letter")!.TextContent;
        Assert.Contains("data protection delisting request (GDPR Article 17)", followUpText, StringComparison.Ordinal);
        Assert.Contains("The law asked for an answer within one month of receiving it, by 28 February 2026. I have had no answer.", followUpText, StringComparison.Ordinal);
        Assert.Contains("data protection supervisory authority", followUpText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_outside_the_eu_eea_and_uk_is_not_offered_a_delisting_request_and_one_posted_anyway_is_refused_keeping_the_form()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "US");
        await using var db = app.CreateDbContext();

        var google = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=google-search");
        Assert.Equal(["SearchDelisting", "DmcaNotice"], Offered(google));
        Assert.Null(google.Document.QuerySelector("#data-protection-route"));
        var refused = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=google-search", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DataProtectionDelisting",
            ["Input.SenderName"] = "Sam Example",
            ["Input.SearchTerms"] = "Sam Example",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("GDPR", refused.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        // Refused on the first screen (which letter); what was typed for the later screens rides along with it.
        Assert.Equal("Sam Example", refused.Document.QuerySelector("input[name='Input.SearchTerms']")!.GetAttribute("value"));
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var reddit = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "DataProtectionDelisting" });
        Assert.Equal(HttpStatusCode.OK, reddit.Status);
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));
    }

    [Fact]
    public async Task A_stranger_gets_404_for_the_letter_pages_of_a_delisting_request()
    {
        using var owner = app.CreateAppClient();
        await owner.SignUpAsync();
        var caseId = await owner.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "FR");
        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=bing", new Dictionary<string, string> { ["Input.Kind"] = "DataProtectionDelisting" });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        using var stranger = app.CreateAppClient();
        await stranger.SignUpAsync();

        foreach (var url in new[] { $"/cases/{caseId}/takedowns/new?platform=bing", letterUrl, letterUrl + "/edit", $"/cases/{caseId}/details" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).Status);
        }
    }
}

public sealed class DataProtectionDelistingTestsOnSqlite(SqliteApp app) : DataProtectionDelistingTests<SqliteApp>(app);

public sealed class DataProtectionDelistingTestsOnPostgres(PostgresApp app) : DataProtectionDelistingTests<PostgresApp>(app);
