using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// "This picture looks like exhibit N" (issue 24, ADR 0032): a smaller, recompressed copy of a kept picture is found
/// by its PDQ hash, a different picture is not, the hash is kept sealed under the case's key, and an ally is never
/// pointed at a file hidden from them.
/// </summary>
public abstract class LookAlikeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task A_copy_of_a_kept_picture_is_said_to_look_like_it_and_a_different_picture_is_not()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var picture = Blocks(1);
        var first = await owner.AddEvidenceAsync(caseId, picture, "first.jpg");
        var other = await owner.AddEvidenceAsync(caseId, Blocks(2), "other.jpg");
        var copy = await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), "copy.jpg");

        var copyPage = await owner.GetAsync($"/cases/{caseId}/evidence/{copy}");
        var firstPage = await owner.GetAsync($"/cases/{caseId}/evidence/{first}");
        var otherPage = await owner.GetAsync($"/cases/{caseId}/evidence/{other}");

        var numbers = await ExhibitNumbersAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, copyPage.Status);
        Assert.Contains($"It looks like exhibit {numbers[first]}.", Squeezed(copyPage.MainText), StringComparison.Ordinal);
        Assert.Contains($"/cases/{caseId}/evidence/{first}", copyPage.Html, StringComparison.Ordinal);
        Assert.Contains($"It looks like exhibit {numbers[copy]}.", Squeezed(firstPage.MainText), StringComparison.Ordinal);
        Assert.DoesNotContain("looks like", otherPage.MainText, StringComparison.Ordinal);

        // Kept sealed: eight sealed hashes (as it is, turned, flipped) of 62 bytes, none of them a hash in clear.
        await using var db = app.CreateDbContext();
        var stored = await db.EvidenceItems.Where(e => e.Id == first).Select(e => new { e.PerceptualHash, e.PerceptualQuality }).SingleAsync();
        var hashes = PdqHasher.Compute(new MemoryStream(picture))!;
        Assert.Equal(8 * 62, stored.PerceptualHash!.Length);
        Assert.Equal(hashes.Original.Quality, stored.PerceptualQuality);
        foreach (var variant in hashes.Variants)
        {
            Assert.DoesNotContain(Convert.ToHexString(variant.Bits), Convert.ToHexString(stored.PerceptualHash), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_mirrored_copy_is_found_even_beside_a_picture_kept_before_mirrored_copies_were_looked_for()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var picture = Blocks(7);
        var first = await owner.AddEvidenceAsync(caseId, picture, "first.jpg");

        // Kept as the first version did: the original's sealed hash alone.
        await using (var db = app.CreateDbContext())
        {
            var kept = await db.EvidenceItems.Where(e => e.Id == first).Select(e => e.PerceptualHash).SingleAsync();
            var originalAlone = kept![..62];
            await db.EvidenceItems.Where(e => e.Id == first).ExecuteUpdateAsync(s => s.SetProperty(e => e.PerceptualHash, originalAlone));
        }

        var mirrored = await owner.AddEvidenceAsync(caseId, Mirrored(picture), "mirrored.jpg");
        var other = await owner.AddEvidenceAsync(caseId, Mirrored(Blocks(8)), "other.jpg");

        var numbers = await ExhibitNumbersAsync(caseId);
        Assert.Contains($"It looks like exhibit {numbers[first]}.", Squeezed((await owner.GetAsync($"/cases/{caseId}/evidence/{mirrored}")).MainText), StringComparison.Ordinal);
        Assert.Contains($"It looks like exhibit {numbers[mirrored]}.", Squeezed((await owner.GetAsync($"/cases/{caseId}/evidence/{first}")).MainText), StringComparison.Ordinal);
        Assert.DoesNotContain("looks like", (await owner.GetAsync($"/cases/{caseId}/evidence/{other}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_found_many_times_links_the_first_ten_look_alikes_and_counts_the_rest()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var picture = Blocks(4);
        var first = await owner.AddEvidenceAsync(caseId, picture, "first.jpg");
        for (var i = 0; i < 12; i++)
        {
            await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), $"copy-{i}.jpg");
        }

        var page = await owner.GetAsync($"/cases/{caseId}/evidence/{first}");

        Assert.Equal(10, page.Document.QuerySelectorAll("#look-alikes a").Length);
        Assert.EndsWith(" and 2 more.", Squeezed(page.Document.QuerySelector("#look-alikes p")!.TextContent).Split(". It may")[0] + ".", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Viewer)]
    public async Task An_ally_is_never_pointed_at_a_file_hidden_from_them(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var picture = Blocks(3);
        var hidden = await owner.AddEvidenceAsync(caseId, picture, "hidden.jpg");
        var shared = await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), "shared.jpg");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == role).ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, true));
        }

        var allyPage = await ally.GetAsync($"/cases/{caseId}/evidence/{shared}");
        var ownerPage = await owner.GetAsync($"/cases/{caseId}/evidence/{shared}");

        Assert.Equal(HttpStatusCode.OK, allyPage.Status);
        Assert.DoesNotContain("looks like", allyPage.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.ToString(), allyPage.Html, StringComparison.Ordinal);
        Assert.Contains($"It looks like exhibit {(await ExhibitNumbersAsync(caseId))[hidden]}.", Squeezed(ownerPage.MainText), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binder_says_which_exhibits_look_alike_only_between_exhibits_shown_alike()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var picture = Blocks(5);
        var first = await owner.AddEvidenceAsync(caseId, picture, "first.jpg");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var other = await owner.AddEvidenceAsync(caseId, Blocks(6), "other.jpg");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var copy = await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), "copy.jpg");

        var shown = await BinderViewAsync(owner, caseId, new() { [first] = "None", [other] = "None", [copy] = "None" });
        Assert.Equal("Exhibit 3", LooksLike(shown, 1)?.Split(':')[0]);
        Assert.Null(LooksLike(shown, 2));
        Assert.StartsWith("Exhibit 1: by its perceptual fingerprint (PDQ)", LooksLike(shown, 3), StringComparison.Ordinal);
        Assert.EndsWith("A likeness to check by eye, not proof.", LooksLike(shown, 3), StringComparison.Ordinal);

        // Pointing from an obscured copy to the shown picture would show what the obscured one is; a withheld one says nothing.
        foreach (var choice in new[] { "Obscure", "Withhold" })
        {
            var page = await BinderViewAsync(owner, caseId, new() { [first] = "None", [other] = "None", [copy] = choice });
            Assert.Null(LooksLike(page, 1));
            Assert.Null(LooksLike(page, 3));
        }

        var bothObscured = await BinderViewAsync(owner, caseId, new() { [first] = "Obscure", [other] = "None", [copy] = "Obscure" });
        Assert.Equal("Exhibit 3", LooksLike(bothObscured, 1)?.Split(':')[0]);
        Assert.Equal("Exhibit 1", LooksLike(bothObscured, 3)?.Split(':')[0]);
    }

    [Fact]
    public async Task A_look_alike_says_where_the_other_was_found_and_offers_to_add_this_place_to_its_entry()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var entry = await owner.AddIncidentAsync(caseId, app.IncidentForm());
        var picture = Blocks(9);
        var first = await owner.AddEvidenceAsync(caseId, picture, "first.jpg", new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = "https://example.org/first-place",
            ["Input.SourceWords"] = "a forum thread",
            ["Input.IncidentId"] = entry.ToString(),
        });
        var copy = await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), "copy.jpg", new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = "https://example.net/second-place",
            ["Input.CapturedOn"] = "2026-11-30",
        });
        var numbers = await ExhibitNumbersAsync(caseId);

        var copyPage = await owner.GetAsync($"/cases/{caseId}/evidence/{copy}");
        Assert.Equal($"Exhibit {numbers[first]}: a forum thread, https://example.org/first-place", Squeezed(copyPage.Document.QuerySelector(".look-alike-places li")!.TextContent));
        var offer = copyPage.Document.QuerySelector("#look-alikes a.button")!;
        Assert.Equal($"Add it to the same entry as exhibit {numbers[first]}", offer.TextContent);
        Assert.Contains("https://example.net/second-place", copyPage.Document.QuerySelector("#place-offer")!.TextContent, StringComparison.Ordinal);

        // The page it leads to has the address in the box, first seen the day the file was captured, for the same entry.
        var href = offer.GetAttribute("href")!;
        var add = await owner.GetAsync(href);
        Assert.Equal("https://example.net/second-place", add.Document.QuerySelector("textarea[name='Input.Urls']")!.TextContent.Trim());
        Assert.Equal("2026-11-30", add.Document.QuerySelector("input[name='Input.FirstSeenOn']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(href, new Dictionary<string, string>())).Status);

        await using (var db = app.CreateDbContext())
        {
            var place = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
            Assert.Equal(("https://example.net/second-place", entry), (place.Url, place.IncidentId));
            Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(place.FirstSeenUtc));
        }

        // Once it is a place, nothing more is offered.
        Assert.Null((await owner.GetAsync($"/cases/{caseId}/evidence/{copy}")).Document.QuerySelector("#place-offer"));
    }

    [Fact]
    public async Task Someone_who_may_not_add_places_is_offered_none_and_a_file_they_may_not_see_or_read_is_not_found()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var picture = Blocks(10);
        await owner.AddEvidenceAsync(caseId, picture, "first.jpg");
        var copy = await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), "copy.jpg", new Dictionary<string, string> { ["Input.SourceUrl"] = "https://example.net/shared-copy" });
        var hidden = await owner.AddEvidenceAsync(caseId, SmallerCopy(picture), "hidden.jpg", new Dictionary<string, string> { ["Input.SourceUrl"] = "https://example.net/hidden-copy" });
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (viewer, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        using var __ = viewer;
        var (helper, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var ___ = helper;
        var (stranger, _, _) = await app.NewSurvivorWithCaseAsync();
        using var ____ = stranger;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, true));
        }

        var viewerPage = await viewer.GetAsync($"/cases/{caseId}/evidence/{copy}");
        Assert.NotNull(viewerPage.Document.QuerySelector("#look-alikes"));
        Assert.Null(viewerPage.Document.QuerySelector("#place-offer"));
        Assert.NotNull((await helper.GetAsync($"/cases/{caseId}/evidence/{copy}")).Document.QuerySelector("#place-offer"));
        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync($"/cases/{caseId}/sightings/add?evidence={hidden}")).Status);
        Assert.Contains("hidden-copy", (await owner.GetAsync($"/cases/{caseId}/sightings/add?evidence={hidden}")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cases/{caseId}/sightings/add?evidence={copy}")).Status);

        // Without the evidence shown to them, a file's details are not theirs to read, from its page or this one.
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Helper).ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, false));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync($"/cases/{caseId}/sightings/add?evidence={copy}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/cases/{caseId}/sightings/add")).Status);
    }

    /// <summary>The binder's print view of its exhibits, each shown as <paramref name="redactions"/> says.</summary>
    private static async Task<AppClient.PageResult> BinderViewAsync(AppClient client, Guid caseId, Dictionary<Guid, string> redactions)
    {
        var page = await BinderForm.ViewAsync(client, caseId, ["Exhibits"], redactions);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    /// <summary>Exhibit <paramref name="number"/>'s "Looks like" row, or null when it has none.</summary>
    private static string? LooksLike(AppClient.PageResult page, int number) =>
        page.Document.QuerySelector($"#exhibit-{number} tr.looks-like td") is { } cell ? Squeezed(cell.TextContent) : null;

    /// <summary>Each file's exhibit number, as exports and binders give it.</summary>
    private async Task<Dictionary<Guid, int>> ExhibitNumbersAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        db.ShowPrivateItems = true;
        return ExhibitNumbers.Assign(await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync())
            .ToDictionary(n => n.Item.Id, n => n.Number);
    }

    /// <summary>A 900×1200 photo-sized JPEG of large coloured blocks, different for each seed (detail PDQ can see).</summary>
    private static byte[] Blocks(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(900, 1200);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < 40; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawRect(random.Next(900), random.Next(1200), 80 + random.Next(300), 80 + random.Next(300), paint);
            }
        }

        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }

    /// <summary>The picture flipped left to right, as a repost made to dodge matching might be.</summary>
    private static byte[] Mirrored(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        using var mirrored = new SKBitmap(bitmap.Width, bitmap.Height);
        using (var canvas = new SKCanvas(mirrored))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.Scale(-1, 1, bitmap.Width / 2f, 0);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var encoded = mirrored.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }

    /// <summary>A third the size, at JPEG quality 40: the same picture, other bytes.</summary>
    private static byte[] SmallerCopy(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        using var smaller = bitmap.Resize(new SKImageInfo(bitmap.Width / 3, bitmap.Height / 3), new SKSamplingOptions(SKFilterMode.Linear));
        using var encoded = smaller.Encode(SKEncodedImageFormat.Jpeg, 40);
        return encoded.ToArray();
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class LookAlikeTestsOnSqlite(SqliteApp app) : LookAlikeTests<SqliteApp>(app);

public sealed class LookAlikeTestsOnPostgres(PostgresApp app) : LookAlikeTests<PostgresApp>(app);
