using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The forms of the record help rather than fight: where a file was found is said in words or as a web address, a
/// refused field keeps what was typed and says plainly that the file must be chosen again, a place is first seen on
/// the day the person says (which is what a letter then states), and a new entry is followed by its next step.
/// </summary>
public abstract class HelpfulFormTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string InWords = "Direct messages from Alex on Instagram";

    [Fact]
    public async Task The_file_is_the_first_thing_the_evidence_form_asks_for()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var page = await client.GetAsync($"/cases/{caseId}/evidence/add");

        var fields = page.Document.QuerySelectorAll("main form input:not([type=hidden]), main form textarea, main form select").ToList();
        Assert.Equal("file", fields[0].GetAttribute("type"));
        Assert.Contains(fields, f => f.Id == "Input_SourceWords" && f.GetAttribute("type") == "text");
        Assert.Contains(fields, f => f.Id == "Input_SourceUrl" && f.GetAttribute("type") == "url");
    }

    [Theory]
    [InlineData(InWords, "", InWords, "")]
    [InlineData("", "https://www.instagram.com/alex", "", "https://www.instagram.com/alex")]
    [InlineData(InWords, "https://www.instagram.com/alex", InWords, "https://www.instagram.com/alex")]
    [InlineData("https://www.instagram.com/alex", "", "", "https://www.instagram.com/alex")]
    public async Task Where_a_file_was_found_is_kept_in_words_as_a_web_address_or_both(string words, string url, string keptWords, string keptUrl)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var id = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "found.png", new Dictionary<string, string>
        {
            ["Input.SourceWords"] = words,
            ["Input.SourceUrl"] = url,
        });

        await using var db = app.CreateDbContext();
        var item = await db.EvidenceItems.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal((keptWords, keptUrl), (item.SourceWords, item.SourceUrl));
        var details = await client.GetAsync($"/cases/{caseId}/evidence/{id}");
        Assert.Contains(keptWords, details.MainText, StringComparison.Ordinal);
        Assert.Contains(keptUrl, details.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_refused_field_after_a_chosen_file_keeps_every_typed_value_and_asks_for_the_file_again(bool fileFirst)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm());
        var typed = new Dictionary<string, string>
        {
            ["Input.SourceWords"] = InWords,
            ["Input.SourceUrl"] = "instagram alex messages",
            ["Input.CapturedOn"] = app.Day(3),
            ["Input.CapturedAtTime"] = "21:15",
            ["Input.WhatItShows"] = "The message with the threat",
            ["Input.IncidentId"] = incidentId.ToString(),
        };
        var filesBefore = EvidenceFiles();

        using var file = new ByteArrayContent(TestImages.Png(8, 8));
        var result = await client.UploadEvidenceAsync(caseId, file, "threat.png", typed, fileFirst: fileFirst);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("doesn't look like a web address", result.FieldError("Input.SourceUrl"), StringComparison.Ordinal);
        Assert.Equal("Please choose the file again — for your safety we did not keep it.", result.FieldError("Input.File"));
        Assert.Contains("Please choose the file again", result.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Input_File-error", result.Document.QuerySelector("#Input_File")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        foreach (var (name, value) in typed.Where(t => t.Key is not ("Input.WhatItShows" or "Input.IncidentId")))
        {
            Assert.Equal(value, result.FieldValue(name));
        }

        Assert.Equal("The message with the threat", result.Document.QuerySelector("textarea[name='Input.WhatItShows']")!.TextContent);
        Assert.Equal(incidentId.ToString(), result.Document.QuerySelector("select[name='Input.IncidentId'] option[selected]")!.GetAttribute("value"));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.EvidenceItems.AnyAsync(e => e.CaseId == caseId), "No half-saved record.");
        }

        Assert.Equal(filesBefore.Order(StringComparer.Ordinal), EvidenceFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refused_file_sent_first_still_keeps_the_fields_typed_after_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        using var executable = new ByteArrayContent([.. "MZ"u8, .. new byte[510]]);

        var result = await client.UploadEvidenceAsync(caseId, executable, "photo.png", new Dictionary<string, string>
        {
            ["Input.SourceWords"] = InWords,
            ["Input.SourceUrl"] = "https://www.instagram.com/alex",
        }, fileFirst: true);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("can't be kept here", result.FieldError("Input.File"), StringComparison.Ordinal);
        Assert.Equal(InWords, result.FieldValue("Input.SourceWords"));
        Assert.Equal("https://www.instagram.com/alex", result.FieldValue("Input.SourceUrl"));
    }

    [Fact]
    public async Task Words_longer_than_kept_are_refused_kindly_and_left_in_the_box()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var tooLong = new string('w', EvidenceItem.SourceWordsMaxLength + 1);

        var result = await client.UploadEvidenceAsync(caseId, TestImages.Png(8, 8), "found.png", new Dictionary<string, string> { ["Input.SourceWords"] = tooLong });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"{EvidenceItem.SourceWordsMaxLength} characters or fewer", result.FieldError("Input.SourceWords"), StringComparison.Ordinal);
        Assert.Equal(tooLong, result.FieldValue("Input.SourceWords"));
    }

    [Fact]
    public async Task Adding_a_place_from_an_entry_offers_its_web_address_and_the_day_it_was_found()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm());

        var page = await client.GetAsync($"/cases/{caseId}/sightings/add?incident={incidentId}");

        Assert.Equal(app.Day(9), page.FieldValue("Input.FirstSeenOn"));
        Assert.Equal("https://www.reddit.com/r/example/comments/abc", page.Document.QuerySelector("textarea[name='Input.Urls']")!.TextContent.Trim());
        Assert.Contains("Reddit, account u/throwaway", page.Document.QuerySelector("#entry-place")!.TextContent, StringComparison.Ordinal);

        // One tap: the form as offered adds the entry's place, first seen the day the entry says it was found.
        var added = await client.SubmitAsync($"/cases/{caseId}/sightings/add?incident={incidentId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await using var db = app.CreateDbContext();
        var sighting = await db.Sightings.AsNoTracking().SingleAsync(s => s.CaseId == caseId);
        Assert.Equal(("https://www.reddit.com/r/example/comments/abc", incidentId), (sighting.Url, sighting.IncidentId));
        Assert.Equal(app.Day(9), sighting.FirstSeenUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // Once it is a place in the case, it is not offered again.
        var again = await client.GetAsync($"/cases/{caseId}/sightings/add?incident={incidentId}");
        Assert.Equal("", again.Document.QuerySelector("textarea[name='Input.Urls']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_place_added_on_its_own_is_first_seen_today_unless_the_person_corrects_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var page = await client.GetAsync($"/cases/{caseId}/sightings/add");
        Assert.Equal(app.Day(0), page.FieldValue("Input.FirstSeenOn"));

        await client.AddSightingsAsync(caseId, "https://example.org/today");
        await client.SubmitAsync($"/cases/{caseId}/sightings/add", new Dictionary<string, string>
        {
            ["Input.Urls"] = "https://example.org/earlier",
            ["Input.FirstSeenOn"] = app.Day(20),
        });

        await using var db = app.CreateDbContext();
        var seen = await db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId).ToDictionaryAsync(s => s.Url, s => s.FirstSeenUtc);
        Assert.Equal(app.Day(0), seen["https://example.org/today"].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.True(seen["https://example.org/today"] <= app.Clock.GetUtcNow().UtcDateTime, "A place is never first seen in the future.");
        Assert.Equal(app.Day(20), seen["https://example.org/earlier"].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var earlierId = await db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId && s.Url == "https://example.org/earlier").Select(s => s.Id).SingleAsync();
        var place = await client.GetAsync($"/cases/{caseId}/sightings/{earlierId}");
        var day = DateOnly.ParseExact(app.Day(20), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(day.ToString("d MMM yyyy", CultureInfo.InvariantCulture), place.Document.QuerySelector("#first-seen")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("future", "in the future")]
    [InlineData("", "first saw it")]
    [InlineData("yesterday", "day, month and year")]
    public async Task A_first_seen_day_that_cannot_be_right_is_refused_and_everything_typed_stays(string day, string expected)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var typed = day == "future" ? app.Day(-3) : day;

        var result = await client.SubmitAsync($"/cases/{caseId}/sightings/add", new Dictionary<string, string>
        {
            ["Input.Urls"] = "https://example.org/a\nhttps://example.org/b",
            ["Input.FirstSeenOn"] = typed,
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.FieldError("Input.FirstSeenOn"), StringComparison.Ordinal);
        Assert.Equal(typed, result.FieldValue("Input.FirstSeenOn") ?? "");
        Assert.Equal("https://example.org/a\nhttps://example.org/b", result.Document.QuerySelector("textarea[name='Input.Urls']")!.TextContent.Trim().ReplaceLineEndings("\n"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Sightings.AnyAsync(s => s.CaseId == caseId));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_letter_says_the_day_the_place_was_first_seen_as_corrected_not_the_day_it_was_typed()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm());
        var corrected = DateOnly.ParseExact(app.Day(30), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await client.SubmitAsync($"/cases/{caseId}/sightings/add?incident={incidentId}", new Dictionary<string, string>
        {
            ["Input.FirstSeenOn"] = app.Day(30),
        });
        await using var db = app.CreateDbContext();
        var place = await db.Sightings.AsNoTracking().SingleAsync(s => s.CaseId == caseId);

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = place.Id.ToString(),
            ["Input.SenderEmail"] = "me@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        using var text = await client.Http.GetAsync($"{letterUrl}/text");
        var letter = await text.Content.ReadAsStringAsync();

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Contains($"{place.Url} (first seen {corrected.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})", letter, StringComparison.Ordinal);
        Assert.DoesNotContain($"(first seen {today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})", letter, StringComparison.Ordinal);

        // The printed letter, read back from its PDF, says the same corrected day (white space aside: lines wrap).
        using var pdf = await client.Http.GetAsync($"{letterUrl}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var printed = PdfTools.SqueezedText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(Squeeze($"(first seen {corrected.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"), printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze($"(first seen {today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"), printed, StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task After_adding_an_entry_the_page_says_so_and_its_one_primary_button_is_the_next_step()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var saved = await client.SubmitAsync($"/cases/{caseId}/log/new", app.IncidentForm());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var entryUrl = saved.Location!.OriginalString;
        Assert.EndsWith("?added=true", entryUrl, StringComparison.Ordinal);
        var incidentId = entryUrl.Split('?')[0].Split('/')[^1];

        var page = await client.GetAsync(entryUrl);
        Assert.Contains("Added to your record.", page.Document.QuerySelector("#added[role=status]")!.TextContent, StringComparison.Ordinal);
        var primary = Assert.Single(PrimaryButtons(page));
        Assert.Equal(($"/cases/{caseId}/evidence/add?incident={incidentId}", "Add evidence for this entry"), (primary.GetAttribute("href"), primary.TextContent.Trim()));

        // The same page later, without having just been added, says nothing of it.
        Assert.Null((await client.GetAsync(entryUrl.Split('?')[0])).Document.QuerySelector("#added"));

        // With a file kept for it, the next step is where it was found; with that too, changing it is all that is left.
        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "post.png", new Dictionary<string, string> { ["Input.IncidentId"] = incidentId });
        primary = Assert.Single(PrimaryButtons(await client.GetAsync(entryUrl)));
        Assert.Equal(($"/cases/{caseId}/sightings/add?incident={incidentId}", "Add where it was found"), (primary.GetAttribute("href"), primary.TextContent.Trim()));
        await client.SubmitAsync($"/cases/{caseId}/sightings/add?incident={incidentId}", new Dictionary<string, string>());
        primary = Assert.Single(PrimaryButtons(await client.GetAsync(entryUrl)));
        Assert.EndsWith("/edit", primary.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_kept_to_words_only_is_offered_where_it_was_found_next_and_never_a_file()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", underEighteenNow: "No", madeUnderEighteen: "Yes");

        var saved = await client.SubmitAsync($"/cases/{caseId}/log/new", app.IncidentForm());
        var page = await client.GetAsync(saved.Location!.OriginalString);

        Assert.NotNull(page.Document.QuerySelector("#added"));
        var primary = Assert.Single(PrimaryButtons(page));
        Assert.Equal("Add where it was found", primary.TextContent.Trim());
        Assert.Empty(page.Document.QuerySelectorAll("main a[href*='/evidence/add']"));
        Assert.Null(WordsOnlyAdvice.FindSavingAdvice(page.MainText));
    }

    private static IEnumerable<AngleSharp.Dom.IElement> PrimaryButtons(AppClient.PageResult page) =>
        page.Document.QuerySelectorAll("main a.button, main button").Where(b => !b.ClassList.Contains("secondary") && !b.ClassList.Contains("link-button"));

    private HashSet<string> EvidenceFiles()
    {
        var directory = Path.Combine(app.DataDirectory, "evidence");
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal)
            : [];
    }
}

public sealed class HelpfulFormTestsOnSqlite(SqliteApp app) : HelpfulFormTests<SqliteApp>(app);

public sealed class HelpfulFormTestsOnPostgres(PostgresApp app) : HelpfulFormTests<PostgresApp>(app);
