using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Tests;

public class DocumentHtmlRendererTests
{
    private readonly DocumentHtmlRenderer _renderer = new();

    [Fact]
    public async Task Every_section_has_its_heading_and_anchor()
    {
        var html = await _renderer.RenderAsync(SampleDocuments.Binder());

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1>Evidence record</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"section-summary-heading\">Summary of what happened</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"section-sightings-heading\">Where the images were seen</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"section-exhibits-heading\">Exhibits</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#section-sightings\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#exhibit-2\">Exhibit 2</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_carry_header_scopes()
    {
        var html = await _renderer.RenderAsync(SampleDocuments.Binder());

        Assert.Contains("<th scope=\"col\">Platform</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Case opened</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">SHA-256 fingerprint</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_in_a_description_comes_out_escaped()
    {
        var html = await _renderer.RenderAsync(SampleDocuments.Binder());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exhibit_pictures_are_addressed_under_the_fake_origin_and_source_addresses_are_text()
    {
        var html = await _renderer.RenderAsync(SampleDocuments.Binder());

        Assert.Contains("<img src=\"https://binder.invalid/resource/exhibit/1\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://binder.invalid/resource/exhibit/2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://forum.example", html, StringComparison.Ordinal);
        Assert.Contains("https://forum.example/thread/42", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_size_sets_the_css_page_size()
    {
        var a4 = await _renderer.RenderAsync(SampleDocuments.Binder(), PaperSize.A4);
        var letter = await _renderer.RenderAsync(SampleDocuments.Binder(), PaperSize.Letter);

        Assert.Contains("size: A4;", a4, StringComparison.Ordinal);
        Assert.Contains("size: letter;", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Obscured_and_withheld_exhibits_never_reference_their_picture()
    {
        var exhibit = (ExhibitBlock)SampleDocuments.Binder().Sections[2].Blocks[0];
        var document = SampleDocuments.Binder() with
        {
            Sections =
            [
                new Section
                {
                    Id = "exhibits",
                    Heading = "Exhibits",
                    Blocks =
                    [
                        exhibit with { Redaction = Redaction.Obscure },
                        exhibit with { Number = 2, Redaction = Redaction.Withhold, ImageResource = "exhibit/2" },
                    ],
                },
            ],
        };

        var html = await _renderer.RenderAsync(document);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("Picture obscured in this copy", html, StringComparison.Ordinal);
        Assert.Contains("Withheld from this copy", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, SampleDocuments.FirstSha256));
        Assert.Equal(1, CountOf(html, "screenshot-forum.png"));
        Assert.Equal(1, CountOf(html, "forum.example"));
    }

    [Fact]
    public async Task An_obscured_exhibit_shows_only_its_pixelated_rendering_and_a_problem_exhibit_no_picture()
    {
        var exhibit = (ExhibitBlock)SampleDocuments.Binder().Sections[2].Blocks[0];
        var document = SampleDocuments.Binder() with
        {
            Sections =
            [
                new Section
                {
                    Id = "exhibits",
                    Heading = "Exhibits",
                    Blocks =
                    [
                        exhibit with { Redaction = Redaction.Obscure, ImageResource = "exhibit/1", ObscuredImageResource = "obscured/1" },
                        exhibit with { Number = 2, ImageResource = "exhibit/2", Problem = "The stored file has been altered or damaged." },
                    ],
                },
            ],
        };

        var html = await _renderer.RenderAsync(document);

        Assert.Equal(1, CountOf(html, "<img"));
        Assert.Contains("src=\"https://binder.invalid/resource/obscured/1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("resource/exhibit/", html, StringComparison.Ordinal);
        Assert.Contains("heavily pixelated on purpose", html, StringComparison.Ordinal);
        Assert.Contains("Exhibit 2: problem found", html, StringComparison.Ordinal);
        Assert.Contains("The stored file has been altered or damaged.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_view_takes_its_pictures_from_another_prefix_and_carries_a_screen_only_note()
    {
        var html = await _renderer.RenderAsync(SampleDocuments.Binder(), new HtmlViewOptions { ResourcePrefix = "/cases/x/binder/resource/", ScreenNote = "Use Print." });

        Assert.Contains("src=\"/cases/x/binder/resource/exhibit/1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentResources.Origin, html, StringComparison.Ordinal);
        Assert.Contains("<aside class=\"screen-only\" role=\"note\"><p>Use Print.</p></aside>", html, StringComparison.Ordinal);
        Assert.Contains(DocumentHtmlRenderer.StylesheetFor(PaperSize.A4), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_names_round_trip_through_their_address()
    {
        var url = DocumentResources.UrlFor("exhibit/a b?c");

        Assert.Equal("https://binder.invalid/resource/exhibit/a%20b%3Fc", url);
        Assert.True(DocumentResources.TryGetResourceName(url, out var name));
        Assert.Equal("exhibit/a b?c", name);
        Assert.False(DocumentResources.TryGetResourceName("https://example.org/resource/exhibit/1", out _));
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
