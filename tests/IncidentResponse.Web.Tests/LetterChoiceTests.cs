using System.Net;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Choosing a letter (ADR 0016): the platform's own report recommended first in plain words, the other kinds offered
/// by where the person lives (the TAKE IT DOWN Act request in the US, the DSA notice in the EU), and only the chosen
/// kind's fields, a few per screen, kept across the screens and on errors, with nothing saved until the last one.
/// </summary>
public abstract class LetterChoiceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://x.com/someone/status/1850000000000000099";

    /// <summary>The kinds offered on the first screen as the page lists them, without the ones behind "Show other kinds".</summary>
    private static string[] Offered(AppClient.PageResult page) =>
        page.Document.QuerySelectorAll("#Input_Kind > .kind-choice input[name='Input.Kind']").Select(e => e.GetAttribute("value")!).ToArray();

    private static string[] MadeForElsewhere(AppClient.PageResult page) =>
        page.Document.QuerySelectorAll("#elsewhere-kinds input[name='Input.Kind']").Select(e => e.GetAttribute("value")!).ToArray();

    private async Task<(AppClient Client, Guid CaseId)> CaseInAsync(string country)
    {
        var client = app.CreateAppClient();
        await client.SignUpAsync();
        return (client, await client.CreateCaseAsync("Notes", country: country));
    }

    [Fact]
    public async Task A_uk_case_is_recommended_the_platforms_own_report_and_is_not_offered_the_take_it_down_act_request()
    {
        var (client, caseId) = await CaseInAsync("GB");
        using var _ = client;

        var page = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=x");

        var recommended = page.Document.QuerySelector("#recommended-kind")!;
        Assert.Contains("Start with X's own report", recommended.TextContent, StringComparison.Ordinal);
        Assert.NotNull(recommended.QuerySelector("input[value='PlatformPolicyReport'][checked]"));
        Assert.Equal("PlatformPolicyReport", Offered(page)[0]);
        Assert.DoesNotContain("TakeItDownRequest", Offered(page));
        Assert.DoesNotContain("DsaNotice", Offered(page));
        Assert.Equal(["TakeItDownRequest", "DsaNotice"], MadeForElsewhere(page));
        Assert.Null(page.Document.QuerySelector("#elsewhere-kinds[open]"));
        Assert.Contains("United States law", page.Document.QuerySelector("#kind-TakeItDownRequest-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Only if you took the photo or video yourself", page.Document.QuerySelector("#kind-DmcaNotice-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_us_case_is_offered_the_take_it_down_act_request_after_the_platforms_own_report()
    {
        var (client, caseId) = await CaseInAsync("US");
        using var _ = client;

        var page = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=x");

        Assert.Equal("PlatformPolicyReport", Offered(page)[0]);
        Assert.Contains("TakeItDownRequest", Offered(page));
        Assert.Contains("48 hours", page.Document.QuerySelector("#kind-TakeItDownRequest-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["DsaNotice"], MadeForElsewhere(page));
    }

    [Fact]
    public async Task An_eu_case_is_offered_the_dsa_notice()
    {
        var (client, caseId) = await CaseInAsync("FR");
        using var _ = client;

        var page = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");

        Assert.Equal("PlatformPolicyReport", Offered(page)[0]);
        Assert.Contains("DsaNotice", Offered(page));
        Assert.Null(page.Document.QuerySelector("#elsewhere-kinds"));
        Assert.Contains("Arcom", page.Document.QuerySelector("#coordinator")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_reports_screens_ask_nothing_about_copyright_or_perjury_and_a_copyright_notice_asks_both()
    {
        var (client, caseId) = await CaseInAsync("GB");
        using var _ = client;

        foreach (var (kind, asksCopyright) in new[] { ("PlatformPolicyReport", false), ("DmcaNotice", true) })
        {
            var screens = await WalkAsync(client, caseId, kind, new Dictionary<string, string>());
            Assert.Equal(4, screens.Count);
            // The screens after the choice of letter: their fields and their words.
            var after = screens.Skip(1).ToList();
            var visibleFields = after.SelectMany(s => s.Document.QuerySelectorAll("main form input:not([type=hidden]), main form textarea"))
                .Select(e => e.GetAttribute("name")).ToHashSet();
            var words = string.Concat(after.Select(s => s.Document.QuerySelector("main form")!.TextContent));
            Assert.Equal(asksCopyright, visibleFields.Contains("Input.CopyrightedWork"));
            Assert.Equal(asksCopyright, visibleFields.Contains("Input.CopyrightBasis"));
            Assert.Equal(asksCopyright, visibleFields.Contains("Input.AccuracyConfirmed"));
            Assert.Equal(asksCopyright, words.Contains("penalty of perjury", StringComparison.Ordinal));
            Assert.Equal(asksCopyright, words.Contains("copyright", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("Input.SearchTerms", visibleFields);
            Assert.Contains("Input.SignatureConfirmed", visibleFields);
            Assert.Contains("Input.GoodFaithConfirmed", visibleFields);
        }
    }

    [Fact]
    public async Task Editing_a_platform_reports_draft_asks_only_its_own_fields_and_saving_keeps_its_kind()
    {
        var (client, caseId) = await CaseInAsync("GB");
        using var _ = client;
        var letter = await SubmissionJourneys.ReadyLetterAsync(client, caseId);

        var edit = await client.GetAsync(letter + "/edit");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        var form = edit.Document.QuerySelector("main form")!;
        var visibleFields = form.QuerySelectorAll("input:not([type=hidden]), textarea").Select(e => e.GetAttribute("name")).ToHashSet();
        Assert.DoesNotContain("Input.CopyrightedWork", visibleFields);
        Assert.DoesNotContain("Input.CopyrightBasis", visibleFields);
        Assert.DoesNotContain("Input.AccuracyConfirmed", visibleFields);
        Assert.DoesNotContain("Input.SearchTerms", visibleFields);
        Assert.DoesNotContain("penalty of perjury", form.TextContent, StringComparison.Ordinal);
        Assert.Empty(form.QuerySelectorAll("input[type=radio][name='Input.Kind']"));
        Assert.Equal("PlatformPolicyReport", form.QuerySelector("input[type=hidden][name='Input.Kind']")!.GetAttribute("value"));
        Assert.Contains("Sam Example", form.QuerySelector("#Input_SenderName")!.GetAttribute("value"), StringComparison.Ordinal);

        var saved = await client.SubmitOnAsync(edit, letter + "/edit", new Dictionary<string, string> { ["Input.SenderName"] = "Sam Edited" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var db = app.CreateDbContext();
        var request = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
        Assert.Equal((LetterKind.PlatformPolicyReport, "Sam Edited"), (request.Kind, request.Sender.Name.Value));
    }

    [Fact]
    public async Task What_was_typed_is_kept_across_the_screens_and_on_errors_and_nothing_is_saved_until_the_last_screen()
    {
        var (client, caseId) = await CaseInAsync("GB");
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
        var url = $"/cases/{caseId}/takedowns/new?platform=x";
        var tooLong = new string('n', TakedownRequest.FieldMaxLength + 1);

        var places = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "DmcaNotice", ["Intent"] = "next" });
        Assert.NotNull(places.Document.QuerySelector($"input[name='Input.SightingIds'][value='{posted.Id}']:not([type=hidden])"));
        var sender = await client.SubmitOnAsync(places, url, new Dictionary<string, string> { ["Input.SightingIds"] = posted.Id.ToString(), ["Intent"] = "next" });
        var refused = await client.SubmitOnAsync(sender, url, new Dictionary<string, string>
        {
            ["Input.SenderName"] = tooLong,
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.SenderPostalAddressPrivate"] = "true",
            ["Intent"] = "next",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("characters or fewer", refused.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.Document.QuerySelector("#Input_SenderName")!.GetAttribute("value"));
        Assert.Equal("sam@example.org", refused.Document.QuerySelector("#Input_SenderEmail")!.GetAttribute("value"));
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.SenderPostalAddressPrivate'][checked]"));

        var statements = await client.SubmitOnAsync(refused, url, new Dictionary<string, string> { ["Input.SenderName"] = "Sam Example", ["Intent"] = "next" });
        var badDate = await client.SubmitOnAsync(statements, url, new Dictionary<string, string>
        {
            ["Input.CopyrightedWork"] = "A photograph I took of myself in 2023",
            ["Input.CopyrightBasis"] = "SenderOwnsCopyright",
            ["Input.AccuracyConfirmed"] = "true",
            ["Input.LetterDate"] = "2026-02-31",
            ["Intent"] = "finish",
        });
        Assert.Equal(HttpStatusCode.OK, badDate.Status);
        Assert.Equal(["#Input_LetterDate"], badDate.Document.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).Distinct());
        Assert.Equal("2026-02-31", badDate.Document.QuerySelector("#Input_LetterDate")!.GetAttribute("value"));
        Assert.Equal("A photograph I took of myself in 2023", badDate.Document.QuerySelector("#Input_CopyrightedWork")!.GetAttribute("value"));
        Assert.NotNull(badDate.Document.QuerySelector("input[name='Input.AccuracyConfirmed'][checked]"));
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var back = await client.SubmitOnAsync(badDate, url, new Dictionary<string, string> { ["Intent"] = "back" });
        Assert.Null(back.Document.QuerySelector("#error-summary"));
        Assert.Equal("Sam Example", back.Document.QuerySelector("#Input_SenderName")!.GetAttribute("value"));
        var again = await client.SubmitOnAsync(back, url, new Dictionary<string, string> { ["Intent"] = "next" });
        Assert.Equal("2026-02-31", again.Document.QuerySelector("#Input_LetterDate")!.GetAttribute("value"));
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var draft = await client.SubmitOnAsync(again, url, new Dictionary<string, string> { ["Input.LetterDate"] = "2026-02-27", ["Intent"] = "finish" });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var saved = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings).SingleAsync(r => r.CaseId == caseId);
        Assert.Equal(
            (LetterKind.DmcaNotice, "Sam Example", "sam@example.org", true, "A photograph I took of myself in 2023", CopyrightBasis.SenderOwnsCopyright, true, new DateOnly(2026, 2, 27)),
            (saved.Kind, saved.Sender.Name.Value, saved.Sender.Email.Value, saved.Sender.PostalAddress.IsPrivate, saved.CopyrightedWork, saved.CopyrightBasis, saved.AccuracyConfirmed, saved.LetterDate));
        Assert.Equal([posted.Id], saved.Sightings.Select(s => s.SightingId));
    }

    /// <summary>Walks a new letter of <paramref name="kind"/> to X through its four screens with Continue, without writing it.</summary>
    private static async Task<List<AppClient.PageResult>> WalkAsync(AppClient client, Guid caseId, string kind, Dictionary<string, string> fields)
    {
        var url = $"/cases/{caseId}/takedowns/new?platform=x";
        var screens = new List<AppClient.PageResult> { await client.GetAsync(url) };
        var next = await client.SubmitAsync(url, new Dictionary<string, string>(fields) { ["Input.Kind"] = kind, ["Intent"] = "next" });
        screens.Add(next);
        for (var i = 0; i < 2; i++)
        {
            next = await client.SubmitOnAsync(next, url, new Dictionary<string, string> { ["Intent"] = "next" });
            screens.Add(next);
        }

        Assert.Contains("Step 4 of 4", screens[^1].Document.QuerySelector("#letter-progress")!.TextContent, StringComparison.Ordinal);
        return screens;
    }
}

public sealed class LetterChoiceTestsOnSqlite(SqliteApp app) : LetterChoiceTests<SqliteApp>(app);

public sealed class LetterChoiceTestsOnPostgres(PostgresApp app) : LetterChoiceTests<PostgresApp>(app);
