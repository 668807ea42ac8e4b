using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>
/// Each letter kind against the table of its statutory elements in <c>Content/law/letter-elements.json</c>: every
/// element the law lists is in a complete letter, and a statement the law words is printed in the table's words.
/// </summary>
public sealed class LetterElementsTableTests
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Table Elements = Load();

    [Fact]
    public void The_table_covers_every_letter_kind_once()
    {
        Assert.Equal(TestLetters.AllKinds.Order(), Elements.Kinds.Select(k => k.Kind).Order());
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void A_complete_letter_carries_every_statutory_element_of_its_kind(LetterKind kind)
    {
        var entry = Assert.Single(Elements.Kinds, k => k.Kind == kind);
        var letter = LetterComposer.Compose(kind, TestLetters.Complete(kind));
        var text = letter.ToPlainText();

        Assert.False(string.IsNullOrWhiteSpace(entry.Law));
        foreach (var element in entry.Elements)
        {
            Assert.True(letter.Has(element.LetterElement), $"{kind} lacks {element.Citation}: {element.Quote}");
            if (element.PrintedAs is { } words)
            {
                Assert.Contains(words, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void Every_quoted_element_has_a_citation_and_a_source(LetterKind kind)
    {
        var entry = Assert.Single(Elements.Kinds, k => k.Kind == kind);
        if (entry.Elements.Count == 0)
        {
            return;
        }

        Assert.StartsWith("https://", entry.SourceUrl, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(entry.ReadFrom));
        Assert.True(entry.NeedsReview || entry.ReadFrom == entry.SourceUrl, $"{kind}: a quote not read on the official page must be marked needsReview.");
        Assert.All(entry.Elements, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Citation));
            Assert.False(string.IsNullOrWhiteSpace(e.Quote));
        });
    }

    [Fact]
    public void The_dmca_row_quotes_all_six_clauses_of_512c3A()
    {
        var dmca = Assert.Single(Elements.Kinds, k => k.Kind == LetterKind.DmcaNotice);

        Assert.Equal(
            ["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)"],
            dmca.Elements.Select(e => e.Citation["17 U.S.C. §512(c)(3)(A)".Length..]));
        Assert.Contains("if available, an electronic mail address", dmca.Elements[3].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dmca_notice_without_an_email_still_carries_the_contact_element()
    {
        var input = TestLetters.Complete(LetterKind.DmcaNotice);
        input = input with { Sender = input.Sender with { Email = IdentityField.Empty } };

        Assert.True(LetterComposer.Compose(LetterKind.DmcaNotice, input).Has(LetterElement.ContactInformation));
        Assert.True(LetterCompleteness.CanFinalise(LetterKind.DmcaNotice, input));
    }

    private static Table Load()
    {
        var assembly = typeof(LetterComposer).Assembly;
        using var stream = assembly.GetManifestResourceStream("IncidentResponse.Domain.Content.law.letter-elements.json")
            ?? throw new InvalidOperationException("letter-elements.json is not embedded.");
        return JsonSerializer.Deserialize<Table>(stream, Options)!;
    }

    private sealed record Table(int SchemaVersion, string EditorialNote, IReadOnlyList<KindRow> Kinds);

    private sealed record KindRow(
        LetterKind Kind,
        string Law,
        IReadOnlyList<ElementRow> Elements,
        string? SourceUrl = null,
        string? ReadFrom = null,
        bool NeedsReview = false,
        string? LastVerified = null);

    private sealed record ElementRow(string Citation, string Quote, LetterElement LetterElement, string? PrintedAs = null);
}
