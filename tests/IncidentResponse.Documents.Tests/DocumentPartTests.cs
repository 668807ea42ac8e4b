using System.Text.RegularExpressions;
using IncidentResponse.Documents.Html;

namespace IncidentResponse.Documents.Tests;

/// <summary>
/// What each part of a binder printed in parts knows of the others (ADR 0025): the contents targets it prints itself,
/// the ones it holds only as stubs, and the headings it begins, from which the parts' outlines are put together.
/// </summary>
public sealed partial class DocumentPartTests
{
    private readonly DocumentHtmlRenderer _renderer = new();

    [Fact]
    public void Every_contents_target_is_printed_by_exactly_one_part()
    {
        var document = PartedPrintTests.Binder();
        var parts = DocumentPart.Split(document, 2);

        var printed = parts.SelectMany(p => p.LinkTargets(document)).ToList();
        Assert.Equal(DocumentPart.AllLinkTargets(document).Order(), printed.Order());
        Assert.Equal(
            ["exhibit-1", "exhibit-2", "exhibit-3", "section-exhibits", "section-sightings", "section-summary"],
            parts[0].LinkTargets(document).Order());
        Assert.Equal(["exhibit-4", "exhibit-5"], parts[1].LinkTargets(document).Order());
        Assert.Equal(["exhibit-6", "exhibit-7", "section-verification"], parts[2].LinkTargets(document).Order());
    }

    [Fact]
    public void A_part_counts_the_second_level_headings_it_begins()
    {
        var document = PartedPrintTests.Binder();
        var parts = DocumentPart.Split(document, 2);

        // The first: the summary, its contents list's own heading, the sightings and the exhibits; the middle one only
        // carries on the exhibits; the last carries them on, then begins the verification.
        Assert.Equal([4, 0, 1], parts.Select(p => p.SecondLevelHeadings(document)));
    }

    [Fact]
    public async Task A_part_links_to_what_it_prints_and_holds_the_rest_as_stubs_out_of_the_flow()
    {
        var document = PartedPrintTests.Binder();
        var parts = DocumentPart.Split(document, 2);

        var html = await _renderer.RenderAsync(document, new HtmlViewOptions { Part = parts[1] });

        var stubs = StubsPattern().Match(html);
        Assert.True(stubs.Success, "The part has its stubs.");
        Assert.Equal(["exhibit-4", "exhibit-5"], LinkPattern().Matches(stubs.Value).Select(m => m.Groups[1].Value).Order());
        Assert.Equal(
            DocumentPart.AllLinkTargets(document).Except(["exhibit-4", "exhibit-5"]).Order(),
            IdPattern().Matches(stubs.Value).Select(m => m.Groups[1].Value).Order());

        // Each id once in the whole part: a stub never stands beside the element it stands for.
        var ids = IdPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);

        // A whole print has none.
        Assert.DoesNotContain("class=\"link-stubs\"", await _renderer.RenderAsync(document, new HtmlViewOptions()), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<div class="link-stubs" aria-hidden="true">.*?</div>""", RegexOptions.Singleline)]
    private static partial Regex StubsPattern();

    [GeneratedRegex("""<a href="#([^"]+)" tabindex="-1"></a>""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\sid=""([^""]+)""")]
    private static partial Regex IdPattern();
}
