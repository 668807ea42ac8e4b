using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>
/// The takedown pages' content in Spanish and French (ADR 0030): each platform's steps, notes and warnings, the letter
/// chooser's explanations and the assessment's sources read in the language being served, over the one English file,
/// while a letter keeps its English whatever the page speaks.
/// </summary>
public sealed class TakedownContentOverlayTests
{
    private const string Prefix = "IncidentResponse.Domain.Content.";

    /// <summary>The English files these overlays cover ("platforms/" is every platform), and the properties in each a person reads on a page.</summary>
    private static readonly (string File, string[] Shown)[] Covered =
    [
        ("platforms/", ["howTo", "text", "note"]),
        ("law/letter-choice.json", ["name", "recommendation", "whenItHelps", "whyElsewhere"]),
        ("safety/assessment-sources.json", ["description"]),
    ];

    public static TheoryData<string, string> IdsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in TestLetters.Shipped.Entries)
        {
            foreach (var language in new[] { "es", "fr", "es-MX", "fr-CA", "en", PseudoText.Culture })
            {
                data.Add(entry.Id, language);
            }
        }

        return data;
    }

    [Fact]
    public void Every_path_in_an_overlay_is_a_text_of_its_English_file_and_made_from_its_version()
    {
        var assembly = typeof(PlatformDirectory).Assembly;
        var overlays = ContentOverlays.All(assembly).Where(o => Covered.Any(c => o.File.StartsWith(c.File, StringComparison.Ordinal))).ToList();

        Assert.Equal(2 * (17 + 1 + 1), overlays.Count);
        foreach (var (language, file, overlay) in overlays)
        {
            var english = JsonNode.Parse(English(file))!;
            foreach (var path in overlay.Text.Keys)
            {
                Assert.True(At(english, path)?.GetValueKind() == JsonValueKind.String, $"{language}/{file}: \"{path}\" is not a text of the English file.");
            }

            Assert.Equal(ContentOverlays.EnglishVersion(assembly, file), overlay.TranslatedFrom);
        }
    }

    [Fact]
    public void Every_text_a_person_reads_in_these_files_is_in_the_Spanish_and_French_overlays()
    {
        var assembly = typeof(PlatformDirectory).Assembly;
        var missing = new List<string>();
        foreach (var (covered, shown) in Covered)
        {
            var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && !n.StartsWith(Prefix + "i18n.", StringComparison.Ordinal))
                .Select(n => n[Prefix.Length..n.IndexOf('.', Prefix.Length)] + "/" + n[(n.IndexOf('.', Prefix.Length) + 1)..])
                .Where(f => f.StartsWith(covered, StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var folder = file[..file.IndexOf('/', StringComparison.Ordinal)];
                var texts = new List<(string Path, string Text)>();
                Texts(JsonNode.Parse(English(file)), "", texts);
                foreach (var language in ContentOverlays.Languages)
                {
                    var overlay = ContentOverlays.Find(assembly, language, folder, file[(folder.Length + 1)..]);
                    missing.AddRange(texts
                        .Where(t => shown.Contains(t.Path[(t.Path.LastIndexOf('.') + 1)..]))
                        .Where(t => overlay is null || !overlay.Text.ContainsKey(t.Path))
                        .Select(t => $"{language}/{file}: {t.Path} (\"{t.Text}\")"));
                }
            }
        }

        Assert.True(missing.Count == 0, "Texts a person reads with no translation:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(IdsAndLanguages))]
    public void A_platform_shows_its_steps_in_the_language_being_served_with_the_same_facts(string id, string culture)
    {
        var english = InLanguage.Read("en", () => TestLetters.Shipped.Get(id));
        var shown = InLanguage.Read(culture, () => TestLetters.Shipped.Get(id));
        var englishTexts = ShownTexts(english);

        Assert.NotEmpty(englishTexts);
        Assert.Equal(englishTexts.Keys, ShownTexts(shown).Keys);
        foreach (var (path, text) in ShownTexts(shown))
        {
            var original = englishTexts[path];
            switch (ContentOverlays.LanguageOf(CultureInfo.GetCultureInfo(culture)))
            {
                case null:
                    Assert.Equal(original, text);
                    break;
                case PseudoText.Culture:
                    Assert.Equal(PseudoText.Of(original), text);
                    break;
                default:
                    Assert.NotEqual(original, text);
                    Assert.DoesNotContain("victim", text, StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        // A platform's name is its own; "Other website or host" is words, and translated.
        if (id != PlatformDirectory.OtherHostId)
        {
            Assert.Equal(english.Name, shown.Name);
        }

        Assert.Equal(english.Operator, shown.Operator);
        Assert.Equal(english.Policy?.Name, shown.Policy?.Name);
        Assert.Equal(english.NciiRoute?.StartUrl, shown.NciiRoute?.StartUrl);
        Assert.Equal(english.NciiRoute?.LastVerified, shown.NciiRoute?.LastVerified);
        Assert.Equal(english.Dmca?.FormUrl, shown.Dmca?.FormUrl);
        Assert.Equal(english.TakeItDown?.Ftc?.Name, shown.TakeItDown?.Ftc?.Name);
        Assert.Equal((english.Escalation ?? []).Select(s => (s.Name, s.Contact)), (shown.Escalation ?? []).Select(s => (s.Name, s.Contact)));
        Assert.Equal(english.LetterKinds, shown.LetterKinds);
    }

    [Fact]
    public void A_letter_composed_while_the_page_speaks_Spanish_keeps_the_platform_texts_in_English()
    {
        const LetterKind Kind = LetterKind.DmcaNotice;
        var englishWarning = InLanguage.Read("en", () => TestLetters.Shipped.Get("facebook").Warnings![0].Text);
        var spanishWarning = InLanguage.Read("es", () => TestLetters.Shipped.Get("facebook").Warnings![0].Text);
        LetterDocument Compose() => LetterComposer.Compose(Kind, TestLetters.Complete(Kind) with { Recipient = TestLetters.Shipped.Get("facebook") });

        var english = InLanguage.Read("en", Compose);
        var letter = InLanguage.Read("es", () =>
        {
            using var scope = ContentOverlays.InEnglish();
            return Compose();
        });
        var withoutScope = InLanguage.Read("es", Compose);

        Assert.StartsWith("Meta dice que", spanishWarning, StringComparison.Ordinal);
        Assert.Contains(englishWarning, letter.Guidance);
        Assert.DoesNotContain(spanishWarning, letter.Guidance);
        Assert.Equal(english.ToPlainText(), letter.ToPlainText());
        Assert.Equal(english.Guidance, letter.Guidance);
        Assert.Contains(spanishWarning, withoutScope.Guidance); // the scope is what keeps it English
    }

    [Theory]
    [InlineData("en", "reddit", "Reddit's own report", "Start with Reddit's own report")]
    [InlineData("es", "reddit", "La denuncia propia de Reddit", "Empieza por la denuncia propia de Reddit")]
    [InlineData("es", "other-host", "La denuncia propia del sitio", "Empieza por la denuncia propia del sitio")]
    [InlineData("fr", "reddit", "Le signalement propre à Reddit", "Commencez par le signalement propre à Reddit")]
    [InlineData("fr-CA", "other-host", "Le signalement propre au site", "Commencez par le signalement propre au site")]
    public void The_letter_chooser_names_a_kind_in_the_language_being_served(string culture, string id, string name, string recommendation)
    {
        var platform = TestLetters.Shipped.Get(id);

        Assert.Equal(name, InLanguage.Read(culture, () => LetterChoice.NameOf(LetterKind.PlatformPolicyReport, platform)));
        Assert.Equal(recommendation, InLanguage.Read(culture, () => LetterChoice.RecommendationOf(LetterKind.PlatformPolicyReport, platform)));
    }

    [Fact]
    public void The_letter_chooser_words_its_own_fallbacks_and_merges_the_site_with_its_preposition()
    {
        var x = TestLetters.Shipped.Get("x");
        var host = TestLetters.Shipped.Get("other-host");

        Assert.Equal("Empieza por un aviso por derechos de autor", InLanguage.Read("es", () => LetterChoice.RecommendationOf(LetterKind.DmcaNotice, x)));
        Assert.Equal("Commencez par une notification pour atteinte aux droits d’auteur", InLanguage.Read("fr", () => LetterChoice.RecommendationOf(LetterKind.DmcaNotice, x)));
        Assert.Equal("Ce type de lettre est fait pour les personnes qui vivent dans d’autres pays.", InLanguage.Read("fr", () => LetterChoice.WhyElsewhere(LetterKind.DmcaNotice, x)));
        Assert.Equal("Denunciar la cuenta al sitio", InLanguage.Read("es", () => LetterChoice.NameOf(LetterKind.ExtortionAccountReport, host)));
        Assert.Equal("Signaler le compte au site", InLanguage.Read("fr", () => LetterChoice.NameOf(LetterKind.ExtortionAccountReport, host)));
        Assert.StartsWith("Pide al sitio que", InLanguage.Read("es", () => LetterChoice.WhenItHelps(LetterKind.PlatformPolicyReport, host)), StringComparison.Ordinal);
        Assert.StartsWith("Demande au site de", InLanguage.Read("fr", () => LetterChoice.WhenItHelps(LetterKind.PlatformPolicyReport, host)), StringComparison.Ordinal);
        Assert.Equal("It is made for people who live in other countries.", InLanguage.Read("en", () => LetterChoice.WhyElsewhere(LetterKind.DmcaNotice, x)));
    }

    [Fact]
    public void The_letter_chooser_in_the_pseudo_language_accents_its_words_and_keeps_the_platform_name()
    {
        var reddit = TestLetters.Shipped.Get("reddit");

        Assert.Equal(PseudoText.Of("{platform}'s own report").Replace("{platform}", "Reddit", StringComparison.Ordinal),
            InLanguage.Read(PseudoText.Culture, () => LetterChoice.NameOf(LetterKind.PlatformPolicyReport, reddit)));
        Assert.Equal(PseudoText.Of("Start with {0}").Replace("{0}", PseudoText.Of("A copyright notice"), StringComparison.Ordinal),
            InLanguage.Read(PseudoText.Culture, () => LetterChoice.RecommendationOf(LetterKind.DmcaNotice, reddit)));
    }

    [Theory]
    [InlineData("en", "The checklist that domestic abuse services")]
    [InlineData("es", "La lista de comprobación que los servicios")]
    [InlineData("fr", "La liste de contrôle qu’utilisent")]
    [InlineData(PseudoText.Culture, "[Ţĥé çĥéçķĺîšţ")]
    public void The_assessment_sources_are_described_in_the_language_being_served_under_their_own_names(string culture, string start)
    {
        var english = InLanguage.Read("en", () => ThreatQuestionnaire.Sources);
        var shown = InLanguage.Read(culture, () => ThreatQuestionnaire.Sources);

        Assert.StartsWith(start, shown[0].Description, StringComparison.Ordinal);
        Assert.Equal(english.Select(s => (s.Name, s.SourceUrl, s.LastVerified, s.NeedsReview)), shown.Select(s => (s.Name, s.SourceUrl, s.LastVerified, s.NeedsReview)));
        Assert.All(shown.Zip(english), pair => Assert.Equal(culture == "en", pair.First.Description == pair.Second.Description));
    }

    /// <summary>The texts of an entry the takedown pages show, by their path in the English file.</summary>
    private static Dictionary<string, string> ShownTexts(PlatformEntry entry)
    {
        (string Path, string? Text)[] texts =
        [
            ("nciiRoute.howTo", entry.NciiRoute?.HowTo), ("extortionRoute.howTo", entry.ExtortionRoute?.HowTo),
            ("dmca.howTo", entry.Dmca?.HowTo), ("takeItDown.process.howTo", entry.TakeItDown?.Process?.HowTo),
            ("dataProtectionRoute.howTo", entry.DataProtectionRoute?.HowTo), ("hashMatching.note", entry.HashMatching?.Note),
            ("responseTime.text", entry.ResponseTime?.Text),
            .. (entry.Warnings ?? []).Select((w, i) => (string.Create(CultureInfo.InvariantCulture, $"warnings[{i}].text"), (string?)w.Text)),
        ];
        return texts.Where(t => t.Text is not null).ToDictionary(t => t.Path, t => t.Text!, StringComparer.Ordinal);
    }

    private static string English(string file)
    {
        using var stream = typeof(PlatformDirectory).Assembly.GetManifestResourceStream(Prefix + file.Replace('/', '.'))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node?[bracket < 0 ? part : part[..bracket]];
            if (bracket >= 0)
            {
                var index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node;
    }

    private static void Texts(JsonNode? node, string path, List<(string Path, string Text)> texts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    Texts(value, path.Length == 0 ? name : $"{path}.{name}", texts);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Texts(a[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), texts);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                texts.Add((path, v.GetValue<string>()));
                break;
        }
    }
}
