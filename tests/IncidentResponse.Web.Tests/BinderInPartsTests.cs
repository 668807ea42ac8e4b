using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>The app with a binder part holding two pictures, so a binder of five is printed in three parts and joined.</summary>
public sealed class PartedBinderApp : SqliteApp
{
    public PartedBinderApp() => Set("Binder:PicturesPerPart", "2");
}

/// <summary>A binder printed in parts reads as one: its pictures, page numbers, contents list and outline (ADR 0025).</summary>
[RunsLong(29)]
public sealed class BinderInPartsTests(PartedBinderApp app) : IClassFixture<PartedBinderApp>
{
    private static readonly string[] Sections =
        ["Cover", "Contents", "Summary", "ThreatAssessment", "IncidentLog", "Exhibits", "Sightings", "Letters", "Verification"];

    private static readonly string[] Headings =
    [
        "About this record", "Contents", "Case summary", "Threat assessment summary", "Incident log", "Exhibits",
        "Sightings and takedown log", "Letters, finalised and sent", "Verification appendix",
    ];

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_binder_with_more_pictures_than_a_part_holds_is_one_binder_with_every_picture_and_right_numbers()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var sizes = Enumerable.Range(1, 5).Select(i => (Width: 40 + (i * 20), Height: 200 - (i * 20))).ToArray();
        var pictures = sizes.Select(s => TestImages.Png(s.Width, s.Height)).ToArray();
        foreach (var (picture, i) in pictures.Select((p, i) => (p, i)))
        {
            await client.AddEvidenceAsync(caseId, picture, $"part-{i + 1}.png");
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var pressed = await PostPdfAsync(client, caseId);
        using var response = await BinderJobClient.FollowAsync(client.Http, pressed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = PdfTools.Read(await response.Content.ReadAsByteArrayAsync());

        // Joined from its parts (PdfPig wrote it), not printed whole after parts that did not add up.
        Assert.Equal("PdfPig", pdf.Producer);

        // "Page k of Y" at the foot of every page, k counted across the parts.
        Assert.All(pdf.Pages, p => Assert.EndsWith($"Page {p.Number} of {pdf.PageCount}", p.FlatText, StringComparison.Ordinal));

        // The contents list names the page each part and exhibit is printed on, and its bookmark opens that page.
        var lines = pdf.ContentsEntries(out var contentsPage).ToDictionary(e => e.Entry, e => e.Page, StringComparer.Ordinal);
        foreach (var heading in Headings.Except(["About this record", "Contents"]))
        {
            Assert.Equal(lines[heading], pdf.FirstPageWith(heading, from: contentsPage + 1));
            Assert.Equal(lines[heading], pdf.Bookmarks.Single(b => b.Title == heading).Page);
        }

        // Every picture once, at its own size, on its own exhibit's page.
        for (var number = 1; number <= pictures.Length; number++)
        {
            var page = lines[$"Exhibit {number}"];
            Assert.Equal(page, pdf.Bookmarks.Single(b => b.Title == $"Exhibit {number}").Page);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pictures[number - 1])), pdf.Page(page).FlatText, StringComparison.Ordinal);
            Assert.Equal([new PdfImage(sizes[number - 1].Width, sizes[number - 1].Height, IsMask: false)], pdf.Page(page).Images);
        }

        Assert.Equal(pictures.Length, pdf.Images.Count());
        Assert.Equal(pdf.PageCount, lines["Verification appendix"]);
        Assert.Equal(
            [("Evidence record", 0), .. Headings[..6].Select(h => (h, 1)), .. Enumerable.Range(1, 5).Select(n => ($"Exhibit {n}", 2)), .. Headings[6..].Select(h => (h, 1))],
            pdf.Bookmarks.Select(b => (b.Title, b.Level)));
    }

    /// <summary>
    /// An ally's binder printed in parts holds none of what the owner keeps private: the parts print the same document
    /// the one-part path does (the composer leaves private items out before any printing), and this holds it so.
    /// </summary>
    [Trait("Category", "Chromium")]
    [Fact]
    public async Task An_allys_binder_printed_in_parts_holds_no_private_entry_or_picture()
    {
        const string Secret = "Parted-private narrative";
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        var shared = Enumerable.Range(1, 5).Select(i => TestImages.Png(30 + i, 30 + i)).ToArray();
        foreach (var (picture, i) in shared.Select((p, i) => (p, i)))
        {
            await owner.AddEvidenceAsync(caseId, picture, $"shared-{i + 1}.png");
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var privatePicture = TestImages.Png(29, 29);
        var privateFile = await owner.AddEvidenceAsync(caseId, privatePicture, "kept-to-myself.png");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{privateFile}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, IncidentResponse.Domain.Cases.CaseRole.Advocate);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == IncidentResponse.Domain.Cases.CaseRole.Advocate)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true).SetProperty(m => m.EvidenceImagesGranted, true));
        }

        await ally.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        using var pressed = await PostPdfAsync(ally, caseId, except: privateFile);
        using var response = await BinderJobClient.FollowAsync(ally.Http, pressed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var pdf = PdfTools.Read(bytes);

        // Printed in three parts and joined (two pictures a part), not whole.
        Assert.Equal("PdfPig", pdf.Producer);
        Assert.Equal(shared.Length, pdf.Images.Count());
        var text = PdfTools.Text(bytes);
        Assert.All(shared, p => Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(p)), text, StringComparison.Ordinal));
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(privatePicture)), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("kept-to-myself", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exhibit 6", text, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostPdfAsync(AppClient client, Guid caseId, Guid? except = null)
    {
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", token),
            new("Input.Preset", "Police"),
            new("Input.Title", "Evidence record"),
            new("Input.PreparedBy", ""),
            new("Input.PreparedFor", ""),
        };
        fields.AddRange(Sections.Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        await using (var db = app.CreateDbContext())
        {
            foreach (var id in await db.EvidenceItems.Where(e => e.CaseId == caseId && e.Id != except).Select(e => e.Id).ToListAsync())
            {
                fields.Add(new($"Input.Redactions[{id}]", "None"));
            }
        }

        return await client.Http.PostAsync($"/cases/{caseId}/binder?handler=Pdf", new FormUrlEncodedContent(fields));
    }
}
