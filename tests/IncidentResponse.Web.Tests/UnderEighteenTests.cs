using System.Net;
using System.Security.Cryptography;
using System.Text;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Under 18, images made under 18, or not said: the case keeps words only. No file of any kind is stored, whatever
/// page sends it, and no page says to save, screenshot, download, upload or image-search. Only "No" and "No" keep files.
/// </summary>
public abstract class UnderEighteenTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>One of each kind a person might send: every kind the app knows, and some it does not.</summary>
    private static readonly (string Name, byte[] Bytes)[] EveryKind =
    [
        ("screenshot.png", TestImages.Png(8, 8)),
        ("photo.jpg", TestImages.Jpeg(16, 8)),
        ("clip.mp4", TestFiles.Mp4(new byte[64])),
        ("messages.pdf", TestFiles.Pdf("a record of the messages"u8.ToArray())),
        ("saved page.html", TestFiles.Html("a saved page")),
        ("saved page.mhtml", Encoding.ASCII.GetBytes(
            "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----b\"\r\n\r\n------b\r\nContent-Type: text/html\r\n\r\n<html><body>a page</body></html>\r\n------b--\r\n")),
        ("notes.txt", "what I saw, written down"u8.ToArray()),
        ("archive.zip", [0x50, 0x4B, 0x03, 0x04, .. new byte[60]]),
        ("unknown.bin", RandomNumberGenerator.GetBytes(64)),
    ];

    private string EvidenceDirectory => Path.Combine(app.DataDirectory, "evidence");

    [Theory]
    [MemberData(nameof(UnderEighteenCases.WordsOnlyAnswers), MemberType = typeof(UnderEighteenCases))]
    public async Task A_words_only_case_refuses_every_file_kind_kindly_and_keeps_nothing(string? underEighteenNow, string? madeUnderEighteen)
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", underEighteenNow, madeUnderEighteen);
        var filesBefore = EvidenceFiles();

        foreach (var (name, bytes) in EveryKind)
        {
            var result = await client.UploadEvidenceAsync(caseId, bytes, name);

            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Contains(EvidenceWording.NotStoredWordsOnly, result.MainText, StringComparison.Ordinal);
            Assert.Contains("not because you did anything wrong", result.MainText, StringComparison.Ordinal);
            Assert.Empty(result.Document.QuerySelectorAll("input[type=file]"));
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.EvidenceItems.AnyAsync(e => e.CaseId == caseId), "An evidence row was kept.");
        }

        Assert.Equal(filesBefore.Order(StringComparer.Ordinal), EvidenceFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_under_18_route_from_the_safety_questions_refuses_every_file_even_after_No_and_No()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await using (var db = app.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UnderEighteenRoute, true));
        }

        foreach (var (name, bytes) in EveryKind)
        {
            var result = await client.UploadEvidenceAsync(caseId, bytes, name);
            Assert.Contains(EvidenceWording.NotStoredWordsOnly, result.MainText, StringComparison.Ordinal);
        }

        var page = await client.GetAsync($"/cases/{caseId}/evidence/add");
        Assert.Empty(page.Document.QuerySelectorAll("input[type=file]"));
        Assert.DoesNotContain("/questions", page.Document.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.False(await check.EvidenceItems.AnyAsync(e => e.CaseId == caseId));
    }

    [Theory]
    [MemberData(nameof(UnderEighteenCases.PageStates), MemberType = typeof(UnderEighteenCases))]
    public async Task No_page_of_a_words_only_case_says_to_save_screenshot_or_search_with_the_image(string? underEighteenNow, string? madeUnderEighteen)
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", underEighteenNow, madeUnderEighteen);
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("A post on a forum"));

        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        var steps = plan.Document.QuerySelectorAll("main .steps a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(steps);
        Assert.Contains(steps, s => s.EndsWith($"/plan/{Web.Pages.Cases.Safety.CasePlan.NumberOf(SafetyStepCatalog.UnderEighteenRoutes)}", StringComparison.Ordinal));
        string[] pages =
        [
            $"/cases/{caseId}/safety", $"/cases/{caseId}/plan", .. steps, $"/cases/{caseId}/evidence", $"/cases/{caseId}/evidence/add",
            $"/cases/{caseId}/log/new", $"/cases/{caseId}/log/{incidentId}", $"/cases/{caseId}/log/{incidentId}?added=true", $"/cases/{caseId}/log/{incidentId}/edit",
            $"/cases/{caseId}/sightings/add?incident={incidentId}",
        ];
        foreach (var url in pages)
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var advice = WordsOnlyAdvice.FindSavingAdvice(AdviceText(page));
            Assert.True(advice is null, $"{url} says \"{advice}\"");
        }

        var safety = await client.GetAsync($"/cases/{caseId}/safety");
        Assert.Contains(WordsOnlyAdvice.RecordInWords, safety.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adult_whose_images_were_made_at_18_or_over_keeps_files_bit_exact_and_gets_the_saving_advice()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");

        foreach (var (name, bytes) in EveryKind.Take(6))
        {
            var evidenceId = await client.AddEvidenceAsync(caseId, bytes, name);
            using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        }

        var safety = await client.GetAsync($"/cases/{caseId}/safety");
        Assert.Contains("Take a screenshot", safety.MainText, StringComparison.Ordinal);
        var findPosts = await client.GetAsync($"/cases/{caseId}/plan/{Web.Pages.Cases.Safety.CasePlan.NumberOf(SafetyStepCatalog.FindPosts)}");
        var body = findPosts.Document.QuerySelector(".step-body")!.TextContent;
        Assert.True(
            body.IndexOf("shares it with that company", StringComparison.Ordinal) is var warning and >= 0
            && warning < body.IndexOf("reverse image search", StringComparison.Ordinal),
            "The image-search step says first that uploading shares the picture.");
    }

    [Fact]
    public async Task An_unanswered_case_is_asked_the_two_questions_before_any_file_input_and_No_No_then_opens_it()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", null, null);

        var page = await client.GetAsync($"/cases/{caseId}/evidence/add");
        Assert.Empty(page.Document.QuerySelectorAll("input[type=file]"));
        Assert.Contains("Are you under 18?", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Were any of the images made when someone in them was under 18?", page.MainText, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("main button"));

        var answered = await client.SubmitAsync($"/cases/{caseId}/evidence/add", new Dictionary<string, string>
        {
            ["Input.UnderEighteenNow"] = "No",
            ["Input.MadeUnderEighteen"] = "No",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal($"/cases/{caseId}/evidence/add", answered.Location?.OriginalString);
        var form = await client.GetAsync($"/cases/{caseId}/evidence/add");
        Assert.Single(form.Document.QuerySelectorAll("input[type=file]"));
        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
    }

    [Fact]
    public async Task A_Yes_becomes_No_only_when_the_person_ticks_that_it_was_a_mistake_and_the_change_is_audited()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "Yes");

        var refused = await client.SubmitAsync($"/cases/{caseId}/questions", new Dictionary<string, string>
        {
            ["Input.UnderEighteenNow"] = "No",
            ["Input.MadeUnderEighteen"] = "No",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("mistake", refused.FieldError("Input.MadeUnderEighteen"), StringComparison.Ordinal);
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.MadeUnderEighteen'][value='No'][checked]"));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(AgeAnswer.Yes, (await db.Cases.SingleAsync(c => c.Id == caseId)).MadeUnderEighteen);
        }

        var changed = await client.SubmitAsync($"/cases/{caseId}/questions", new Dictionary<string, string>
        {
            ["Input.UnderEighteenNow"] = "No",
            ["Input.MadeUnderEighteen"] = "No",
            ["Input.ConfirmChange"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        await using var after = app.CreateDbContext();
        Assert.False((await after.Cases.SingleAsync(c => c.Id == caseId)).WordsOnly);
        var audit = await after.AuditEvents.SingleAsync(e => e.CaseId == caseId && e.Action == "case.age-answers-changed");
        Assert.Equal("files allowed from now", audit.Details);
    }

    [Fact]
    public async Task Only_the_person_whose_case_it_is_answers_the_questions_and_a_helper_is_shown_the_words_only_step()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await using (var db = app.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UnderEighteenNow, (AgeAnswer?)null));
        }

        var (helper, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = helper;

        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync($"/cases/{caseId}/questions")).Status);
        var token = await helper.AntiforgeryTokenAsync($"/cases/{caseId}/evidence/add");
        var posted = await helper.PostAsync($"/cases/{caseId}/questions", new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Input.UnderEighteenNow"] = "No",
        });
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        var page = await helper.GetAsync($"/cases/{caseId}/evidence/add");
        Assert.Empty(page.Document.QuerySelectorAll("input[type=file], input[type=radio]"));
        Assert.Contains("add an entry to the record", page.MainText, StringComparison.Ordinal);
        Assert.Contains(EvidenceWording.NotStoredWordsOnly, (await helper.UploadEvidenceAsync(caseId, TestFiles.Pdf("x"u8.ToArray()), "a.pdf")).MainText, StringComparison.Ordinal);
    }

    /// <summary>The page's own words, without its buttons ("Save", "Save changes" name an action, not advice).</summary>
    private static string AdviceText(AppClient.PageResult page)
    {
        var main = page.Document.QuerySelector("main")!;
        foreach (var button in main.QuerySelectorAll("button").ToList())
        {
            button.Remove();
        }

        return main.TextContent;
    }

    private HashSet<string> EvidenceFiles() =>
        Directory.Exists(EvidenceDirectory)
            ? Directory.EnumerateFiles(EvidenceDirectory, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal)
            : [];
}

public static class UnderEighteenCases
{
    /// <summary>The answers a case can start with: under 18 now, images made under 18 (null: left unanswered).</summary>
    public static TheoryData<string?, string?> WordsOnlyAnswers => new()
    {
        { "Yes", "No" },
        { "No", "Yes" },
        { "NotSure", "No" },
        { "No", "NotSure" },
        { null, null },
        { "No", null },
    };

    public static TheoryData<string?, string?> PageStates => new()
    {
        { "Yes", "Yes" },
        { "NotSure", "NotSure" },
        { null, null },
    };
}

public sealed class UnderEighteenTestsOnSqlite(SqliteApp app) : UnderEighteenTests<SqliteApp>(app);

public sealed class UnderEighteenTestsOnPostgres(PostgresApp app) : UnderEighteenTests<PostgresApp>(app);
