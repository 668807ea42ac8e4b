using System.Globalization;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>Content in other languages (ADR 0030): translated texts over the one English pack, facts unchanged.</summary>
public sealed class ContentOverlayTests
{
    [Theory]
    [InlineData("es", "Reino Unido")]
    [InlineData("es-MX", "Reino Unido")]
    [InlineData("fr-FR", "Royaume-Uni")]
    [InlineData("de", "United Kingdom")]
    [InlineData("en", "United Kingdom")]
    public void A_pack_reads_in_the_language_being_served_with_the_same_facts(string culture, string name)
    {
        var english = InCulture("en", () => TestPacks.Shipped.Get("GB"));
        var shown = InCulture(culture, () => TestPacks.Shipped.Get("GB"));

        Assert.Equal(name, shown.Name);
        Assert.Equal(english.EmergencyNumber!.Number, shown.EmergencyNumber!.Number);
        Assert.Equal(english.EmergencyNumber.SourceUrl, shown.EmergencyNumber.SourceUrl);
        Assert.Equal(english.EmergencyNumber.LastVerified, shown.EmergencyNumber.LastVerified);
        Assert.Equal(english.Helplines?.Count, shown.Helplines?.Count);
    }

    [Fact]
    public void Every_pack_has_its_name_and_emergency_note_in_Spanish_and_French()
    {
        foreach (var language in ContentOverlays.Languages)
        {
            var english = InCulture("en", () => TestPacks.Shipped.Packs.ToDictionary(p => p.Code, p => p));
            foreach (var pack in InCulture(language, () => TestPacks.Shipped.Packs.ToList()))
            {
                // Some names are the same in both languages (Australia, Canada, France); the notes never are.
                Assert.NotEqual(english[pack.Code].EmergencyNumber!.Note, pack.EmergencyNumber!.Note);
            }
        }
    }

    [Fact]
    public void The_pseudo_language_shows_every_translated_text_accented_and_the_rest_as_it_is()
    {
        var pseudo = InCulture(PseudoText.Culture, () => TestPacks.Shipped.Get("GB"));
        var english = InCulture("en", () => TestPacks.Shipped.Get("GB"));

        Assert.Equal("[Ûñîţéð Ķîñĝðöɱ]", pseudo.Name);
        Assert.Equal(english.EmergencyNumber!.Number, pseudo.EmergencyNumber!.Number);
    }

    [Fact]
    public void A_translation_of_a_text_the_English_file_does_not_have_stops_the_app()
    {
        const string English = """{ "name": "United Kingdom", "helplines": [ { "name": "A", "phone": "0800" } ] }""";

        Assert.Contains("\"Reino Unido\"", ContentOverlays.Apply(English, new Dictionary<string, string> { ["name"] = "Reino Unido" }, "gb"), StringComparison.Ordinal);
        Assert.Contains("\"B\"", ContentOverlays.Apply(English, new Dictionary<string, string> { ["helplines[0].name"] = "B" }, "gb"), StringComparison.Ordinal);
        var problem = Assert.Throws<InvalidDataException>(() => ContentOverlays.Apply(English, new Dictionary<string, string>
        {
            ["nmae"] = "Reino Unido",
            ["helplines[3].name"] = "B",
            ["helplines"] = "C",
            ["name"] = " ",
        }, "gb"));
        Assert.Contains("\"nmae\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"helplines[3].name\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"helplines\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"name\"", problem.Message, StringComparison.Ordinal);
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
