using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Letters never carry what is private to an ally (ADR 0008): a finalised letter that names a private place is
/// withheld from every ally in every rendition, whether the place became private before or after finalising, and the
/// sender details a letter keeps private reach the owner and an advocate only.
/// </summary>
[RunsLong(130)]
public abstract class LetterPrivacyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string PrivatePlace = "https://www.reddit.com/r/example/comments/private77/mine";
    private const string SharedPlace = "https://www.reddit.com/r/example/comments/shared77/post";
    private const string AnswerNote = "Answer-note-canary-5q";
    private const string Withheld = "A letter you cannot see";
    private const string WithheldAnswer = "An answer about a letter you cannot see";

    private static readonly CaseRole[] Allies = [CaseRole.Advocate, CaseRole.Helper, CaseRole.Viewer];

    /// <summary>
    /// Each order once, alternating between the databases (place made private before the letter is finalised on
    /// SQLite, after on PostgreSQL): each run prints and reads every rendition for three allies, about a minute. The
    /// privacy oracle covers both orders on both databases for every page and download.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "xunit's MemberData reads a static member; it differs per database on purpose.")]
    public static TheoryData<bool> Orders => new(typeof(TApp) == typeof(SqliteApp));

    [Theory]
    [Trait("Category", "System")]
    [MemberData(nameof(Orders))]
    public async Task A_finalised_letter_naming_a_private_place_is_withheld_from_every_ally_in_every_rendition(bool privateBeforeFinalising)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var shared = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm("Only-mine narrative"));
        await owner.AddSightingsAsync(caseId, SharedPlace, shared);
        await owner.AddSightingsAsync(caseId, PrivatePlace, hidden);
        Guid privateSighting, sharedSighting;
        await using (var db = app.CreateDbContext())
        {
            privateSighting = await db.Sightings.Where(s => s.CaseId == caseId && s.IncidentId == hidden).Select(s => s.Id).SingleAsync();
            sharedSighting = await db.Sightings.Where(s => s.CaseId == caseId && s.IncidentId == shared).Select(s => s.Id).SingleAsync();
        }

        var allies = new List<(CaseRole Role, AppClient Client)>();
        foreach (var role in Allies)
        {
            allies.Add((role, (await app.NewAllyAsync(owner, caseId, role)).Client));
        }

        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role != CaseRole.Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true).SetProperty(m => m.EvidenceImagesGranted, true));
        }

        try
        {
            // One letter names both places, another only the shared one; both are finalised, sent and answered.
            var visible = await SentLetterAsync(owner, caseId, sharedSighting);
            if (privateBeforeFinalising)
            {
                await MakePrivateAsync(owner, caseId, hidden);
            }

            var letter = await SentLetterAsync(owner, caseId, sharedSighting, privateSighting);
            if (!privateBeforeFinalising)
            {
                await MakePrivateAsync(owner, caseId, hidden);
            }

            var letterId = Guid.Parse(letter.Split('/')[^1]);
            var forbidden = new[] { "private77", letterId.ToString(), AnswerNote };
            void NoTrace(string what, string text)
            {
                foreach (var item in forbidden)
                {
                    Assert.False(text.Contains(item, StringComparison.Ordinal), $"{what} holds {item}.");
                }
            }

            foreach (var (role, ally) in allies)
            {
                // The letter's own pages and downloads are not found.
                foreach (var suffix in new[] { "", "/text", "/pdf", "/edit" })
                {
                    Assert.True(HttpStatusCode.NotFound == (await ally.GetAsync(letter + suffix)).Status, $"{role}: {suffix} was found.");
                }

                // The other letter is still theirs to read, as a page, text and PDF.
                Assert.Contains(SharedPlace, (await ally.GetAsync(visible)).Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
                Assert.Contains(SharedPlace, (await ally.GetAsync(visible + "/text")).Html, StringComparison.Ordinal);
                Assert.Contains("shared77", await LetterPdfTextAsync(ally, visible), StringComparison.Ordinal);

                // Lists say only that a letter is there.
                var list = await ally.GetAsync($"/cases/{caseId}/takedowns");
                Assert.Contains(Withheld, list.MainText, StringComparison.Ordinal);
                Assert.Contains(visible, list.Html, StringComparison.Ordinal);
                NoTrace($"{role}'s letters list", list.Html);
                foreach (var timeline in new[] { "/log", "/log?kind=Takedown" })
                {
                    var page = await ally.GetAsync($"/cases/{caseId}{timeline}");
                    Assert.Contains(Withheld, page.MainText, StringComparison.Ordinal);
                    Assert.Contains(WithheldAnswer, page.MainText, StringComparison.Ordinal);
                    NoTrace($"{role}'s {timeline}", page.Html);
                }

                var byPlatform = await ally.GetAsync($"/cases/{caseId}/log?platform=reddit");
                Assert.DoesNotContain("cannot see", byPlatform.MainText, StringComparison.Ordinal);
                NoTrace($"{role}'s timeline for one platform", byPlatform.Html);

                // The binder, as its print view and as the PDF printed in the ZIP, with the ZIP's case.json. (The
                // binder's own PDF for every ally and preset is the privacy oracle's; one print per ally here.)
                var view = await BinderAsync(ally, caseId, "View");
                Assert.Contains(SharedPlace, view, StringComparison.Ordinal);
                NoTrace($"{role}'s binder print view", view);
                var (caseJson, zippedBinder, letterFiles) = await EverythingAsync(ally, caseId);
                Assert.Contains(visible.Split('/')[^1], caseJson, StringComparison.Ordinal);
                NoTrace($"{role}'s case.json", caseJson);

                // The ZIP's letters folder holds the letter they may read, word for word, and not the withheld one.
                Assert.Equal(["001-platform-policy-report-answered.txt"], letterFiles.Keys);
                Assert.Contains(SharedPlace, letterFiles.Values.Single(), StringComparison.Ordinal);
                NoTrace($"{role}'s letters folder", string.Concat(letterFiles.Values));
                Assert.Contains("shared77", zippedBinder, StringComparison.Ordinal);
                NoTrace($"{role}'s binder.pdf in the ZIP", zippedBinder);
            }

            // The owner still reads and downloads all of it.
            Assert.Contains(PrivatePlace, (await owner.GetAsync(letter)).Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(PrivatePlace, (await owner.GetAsync(letter + "/text")).Html, StringComparison.Ordinal);
            Assert.Contains("private77", await LetterPdfTextAsync(owner, letter), StringComparison.Ordinal);
            var ownersList = await owner.GetAsync($"/cases/{caseId}/takedowns");
            Assert.Contains(letter, ownersList.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(Withheld, ownersList.MainText, StringComparison.Ordinal);
            Assert.Contains(letter, (await owner.GetAsync($"/cases/{caseId}/log?kind=Takedown")).Html, StringComparison.Ordinal);
            Assert.Contains("private77", await BinderAsync(owner, caseId, "View"), StringComparison.Ordinal);
            Assert.Contains(AnswerNote, await BinderAsync(owner, caseId, "Pdf"), StringComparison.Ordinal);
            var (ownersJson, ownersBinder, ownersLetters) = await EverythingAsync(owner, caseId);
            Assert.Contains(PrivatePlace, ownersJson, StringComparison.Ordinal);
            Assert.Equal(["001-platform-policy-report-answered.txt", "002-platform-policy-report-answered.txt"], ownersLetters.Keys);
            Assert.Single(ownersLetters.Values, v => v.Contains(PrivatePlace, StringComparison.Ordinal));
            Assert.Contains("private77", ownersBinder, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (_, ally) in allies)
            {
                ally.Dispose();
            }
        }
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_follow_up_of_a_withheld_letter_tells_an_ally_nothing_of_the_first_letter()
    {
        const string Reference = "REF-canary-7k";
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var shared = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm("Only-mine narrative"));
        await owner.AddSightingsAsync(caseId, SharedPlace, shared);
        await owner.AddSightingsAsync(caseId, PrivatePlace, hidden);
        Guid privateSighting, sharedSighting;
        await using (var db = app.CreateDbContext())
        {
            privateSighting = await db.Sightings.Where(s => s.CaseId == caseId && s.IncidentId == hidden).Select(s => s.Id).SingleAsync();
            sharedSighting = await db.Sightings.Where(s => s.CaseId == caseId && s.IncidentId == shared).Select(s => s.Id).SingleAsync();
        }

        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        var letter = await DraftAsync(owner, caseId, sharedSighting, privateSighting);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter, new Dictionary<string, string> { ["Send.Channel"] = "Form", ["Send.Reference"] = Reference }, "handler=Send")).Status);
        await MakePrivateAsync(owner, caseId, hidden);
        var followUp = await owner.SubmitAsync(letter, new Dictionary<string, string>(), "handler=FollowUp");
        Assert.Equal(HttpStatusCode.Redirect, followUp.Status);
        var followUpUrl = followUp.Location!.OriginalString;

        // The owner's follow-up names the first letter and the platform's reference.
        Assert.Contains(Reference, (await owner.GetAsync(followUpUrl)).Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);

        // The ally may read the draft (a draft is composed for whoever reads it) but learns nothing of the withheld letter.
        var seen = await ally.GetAsync(followUpUrl);
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Advocate).ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true));
        }

        var (caseJson, _, followUpLetters) = await EverythingAsync(ally, caseId);
        foreach (var trace in new[] { Reference, "private77", letter.Split('/')[^1] })
        {
            Assert.DoesNotContain(trace, seen.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(trace, (await ally.GetAsync(followUpUrl + "/text")).Html, StringComparison.Ordinal);
            Assert.False(caseJson.Contains(trace, StringComparison.Ordinal), $"The ally's case.json holds {trace}.");
            Assert.False(string.Concat(followUpLetters.Keys.Concat(followUpLetters.Values)).Contains(trace, StringComparison.Ordinal), $"The ally's letters folder holds {trace}.");
        }
    }

    [Fact]
    public async Task An_advocate_cannot_finalise_a_draft_that_covers_a_private_place_and_the_owner_can()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var shared = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm("Only-mine narrative"));
        await owner.AddSightingsAsync(caseId, SharedPlace, shared);
        await owner.AddSightingsAsync(caseId, PrivatePlace, hidden);
        await using var db = app.CreateDbContext();
        db.ShowPrivateItems = true;
        var places = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).ToListAsync();
        var letter = await DraftAsync(owner, caseId, [.. places]);
        await MakePrivateAsync(owner, caseId, hidden);
        var (advocate, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = advocate;

        var (helper, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var ___ = helper;

        // A helper, who could not finalise it anyway, is not told that it covers anything hidden.
        Assert.Null((await helper.GetAsync(letter)).Document.QuerySelector("#owner-finalises"));
        var page = await advocate.GetAsync(letter);
        Assert.NotNull(page.Document.QuerySelector("#owner-finalises"));
        Assert.Null(page.Document.QuerySelector("#Finalise"));
        Assert.DoesNotContain("private77", page.Html, StringComparison.Ordinal);
        var version = (await owner.GetAsync(letter)).Document.QuerySelector("#Finalise input[name='Version']")!.GetAttribute("value")!;
        var posted = await advocate.PostAsync(letter + "?handler=Finalise", new Dictionary<string, string>
        {
            ["__rvt"] = await advocate.AntiforgeryTokenAsync(letter),
            ["Version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var requestId = Guid.Parse(letter.Split('/')[^1]);
        Assert.Equal(TakedownStatus.Draft, await db.TakedownRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());

        Assert.Null((await owner.GetAsync(letter)).Document.QuerySelector("#owner-finalises"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Contains(PrivatePlace, await db.TakedownRequests.Where(r => r.Id == requestId).Select(r => r.FinalText).SingleAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await advocate.GetAsync(letter)).Status);
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Private_sender_details_reach_the_owner_and_an_advocate_only_and_a_helper_saving_the_draft_keeps_them()
    {
        const string Phone = "07700 900 461";
        const string Address = "12 Canary Lane, Leeds";
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddSightingsAsync(caseId, SharedPlace);
        await using var db = app.CreateDbContext();
        var place = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        var letter = await DraftAsync(owner, caseId, place, new Dictionary<string, string>
        {
            ["Input.SenderPhone"] = Phone,
            ["Input.SenderPhonePrivate"] = "true",
            ["Input.SenderPostalAddress"] = Address,
            ["Input.SenderPostalAddressPrivate"] = "true",
        });
        var requestId = Guid.Parse(letter.Split('/')[^1]);
        var allies = new Dictionary<CaseRole, AppClient>();
        foreach (var role in Allies)
        {
            allies[role] = (await app.NewAllyAsync(owner, caseId, role)).Client;
        }

        await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role != CaseRole.Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true).SetProperty(m => m.EvidenceImagesGranted, true));
        try
        {
            // The owner and the advocate see the details in the form and in case.json.
            foreach (var reader in new[] { owner, allies[CaseRole.Advocate] })
            {
                var form = await reader.GetAsync(letter + "/edit");
                Assert.Equal(Phone, form.Document.QuerySelector("#Input_SenderPhone")!.GetAttribute("value"));
                Assert.Equal(Address, form.Document.QuerySelector("#Input_SenderPostalAddress")!.GetAttribute("value"));
                var (caseJson, _, _) = await EverythingAsync(reader, caseId);
                Assert.Contains(Phone, caseJson, StringComparison.Ordinal);
                Assert.Contains(Address, caseJson, StringComparison.Ordinal);
            }

            // A helper and a viewer never: not in the form, the letter, its text, case.json or the binder.
            foreach (var role in new[] { CaseRole.Viewer, CaseRole.Helper })
            {
                var ally = allies[role];
                var pages = new List<string> { (await ally.GetAsync(letter)).Html, (await ally.GetAsync(letter + "/text")).Html, await BinderAsync(ally, caseId, "View") };
                if (role == CaseRole.Helper)
                {
                    var form = await ally.GetAsync(letter + "/edit");
                    Assert.Equal(HttpStatusCode.OK, form.Status);
                    Assert.NotNull(form.Document.QuerySelector("#Input_SenderPhone_kept"));
                    Assert.Null(form.Document.QuerySelector("#Input_SenderPhone"));
                    pages.Add(form.Html);
                }

                var (caseJson, _, _) = await EverythingAsync(ally, caseId);
                pages.Add(caseJson);
                foreach (var text in pages)
                {
                    Assert.DoesNotContain("900 461", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("Canary Lane", text, StringComparison.Ordinal);
                }

                Assert.Contains("\"senderPhonePrivate\": true", caseJson, StringComparison.Ordinal);
            }

            // The helper saves the draft: the details they were not shown stay as they were.
            var helper = allies[CaseRole.Helper];
            Assert.Equal(HttpStatusCode.Redirect, (await helper.SubmitAsync(letter + "/edit", new Dictionary<string, string> { ["Input.Reasons"] = "Helper's words" })).Status);
            var saved = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
            Assert.Equal(("Helper's words", Phone, true, Address, true), (saved.Reasons, saved.Sender.Phone.Value, saved.Sender.Phone.IsPrivate, saved.Sender.PostalAddress.Value, saved.Sender.PostalAddress.IsPrivate));

            // A helper posting the details anyway changes nothing of them, and a conflict page shows none.
            var (action, values) = await helper.FormAsync(letter + "/edit", new Dictionary<string, string>
            {
                ["Input.SenderPhone"] = "",
                ["Input.SenderPostalAddress"] = "somewhere else",
                ["Input.Reasons"] = "Second words",
            });
            Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter + "/edit", new Dictionary<string, string> { ["Input.Reasons"] = "Owner's words" })).Status);
            var conflict = await helper.PostAsync(action, values);
            Assert.NotNull(conflict.Document.QuerySelector("#conflict"));
            Assert.DoesNotContain("900 461", conflict.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Canary Lane", conflict.Html, StringComparison.Ordinal);
            values["Input.Version"] = conflict.Document.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
            Assert.Equal(HttpStatusCode.Redirect, (await helper.PostAsync(action, values)).Status);
            saved = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
            Assert.Equal(("Second words", Phone, true, Address, true), (saved.Reasons, saved.Sender.Phone.Value, saved.Sender.Phone.IsPrivate, saved.Sender.PostalAddress.Value, saved.Sender.PostalAddress.IsPrivate));
        }
        finally
        {
            foreach (var ally in allies.Values)
            {
                ally.Dispose();
            }
        }
    }

    private static async Task MakePrivateAsync(AppClient owner, Guid caseId, Guid incident) =>
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{incident}", new Dictionary<string, string>(), "handler=Privacy")).Status);

    /// <summary>A draft letter to Reddit covering <paramref name="places"/>, complete enough to finalise.</summary>
    private static Task<string> DraftAsync(AppClient owner, Guid caseId, params Guid[] places) => DraftAsync(owner, caseId, places, []);

    private static Task<string> DraftAsync(AppClient owner, Guid caseId, Guid place, Dictionary<string, string> more) => DraftAsync(owner, caseId, [place], more);

    private static async Task<string> DraftAsync(AppClient owner, Guid caseId, Guid[] places, Dictionary<string, string> more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", await owner.AntiforgeryTokenAsync($"/cases/{caseId}/takedowns/new?platform=reddit")),
            new("Input.Kind", "PlatformPolicyReport"),
            new("Input.SenderName", "Sam Example"),
            new("Input.SenderEmail", "sam@example.org"),
            new("Input.GoodFaithConfirmed", "true"),
            new("SubmissionId", Guid.NewGuid().ToString()),
        };
        fields.AddRange(places.Select(p => new KeyValuePair<string, string>("Input.SightingIds", p.ToString())));
        fields.AddRange(more);
        using var response = await owner.Http.PostAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Writes, finalises, sends and logs a refusal for a letter covering <paramref name="places"/>; returns its address.</summary>
    private static async Task<string> SentLetterAsync(AppClient owner, Guid caseId, params Guid[] places)
    {
        var letter = await DraftAsync(owner, caseId, places);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letter, new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "Refused",
            ["Answer.Note"] = places.Length > 1 ? AnswerNote : "",
        }, "handler=Answer")).Status);
        return letter;
    }

    private static async Task<string> LetterPdfTextAsync(AppClient client, string letter)
    {
        using var response = await client.Http.GetAsync(letter + "/pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return PdfTools.SqueezedText(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The whole binder (every section) as its print view's HTML, or as its PDF's text without white space.</summary>
    private static async Task<string> BinderAsync(AppClient client, Guid caseId, string handler)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder")).Status);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder")),
            new("Input.Preset", "MyRecords"),
            new("Input.Title", "Evidence record"),
        };
        fields.AddRange(Enum.GetNames<IncidentResponse.Documents.Binder.BinderSection>().Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        using var response = await BinderJobClient.FollowAsync(
            client.Http, await client.Http.PostAsync($"/cases/{caseId}/binder?handler={handler}", new FormUrlEncodedContent(fields)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return handler == "Pdf"
            ? PdfTools.SqueezedText(await response.Content.ReadAsByteArrayAsync())
            : await response.Content.ReadAsStringAsync();
    }

    /// <summary>"Download everything": its case.json, its binder.pdf's text without white space, and its letters by file name.</summary>
    private static async Task<(string CaseJson, string Binder, SortedDictionary<string, string> Letters)> EverythingAsync(AppClient client, Guid caseId)
    {
        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            var letters = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.Exists(Path.Combine(folder, "letters")) ? Directory.GetFiles(Path.Combine(folder, "letters")) : [])
            {
                letters[Path.GetFileName(file)] = await File.ReadAllTextAsync(file);
            }

            return (await File.ReadAllTextAsync(Path.Combine(folder, "case.json")),
                PdfTools.SqueezedText(await File.ReadAllBytesAsync(Path.Combine(folder, "binder.pdf"))),
                letters);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class LetterPrivacyTestsOnSqlite(SqliteApp app) : LetterPrivacyTests<SqliteApp>(app);

public sealed class LetterPrivacyTestsOnPostgres(PostgresApp app) : LetterPrivacyTests<PostgresApp>(app);
