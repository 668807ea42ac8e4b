using System.Text.Json.Nodes;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>
/// The advice around a letter in Spanish and French (issue 23, ADR 0030): what is missing, what is worth checking and
/// the notes beside it speak the language being served, while a letter composed in English keeps every word.
/// </summary>
public sealed class LetterAdviceLanguageTests
{
    [Theory]
    [MemberData(nameof(TestLetters.KindRequirements), MemberType = typeof(TestLetters))]
    public void Each_missing_requirement_is_explained_in_Spanish_and_French(LetterKind kind, LetterRequirement requirement)
    {
        var (input, code) = TestLetters.Without(TestLetters.Complete(kind), requirement);
        var english = InLanguage.Read("en", () => Assert.Single(LetterCompleteness.Check(kind, input).Missing));

        foreach (var language in new[] { "es", "fr-CA" })
        {
            var shown = InLanguage.Read(language, () => Assert.Single(LetterCompleteness.Check(kind, input).Missing));

            Assert.Equal(code, shown.Code);
            Assert.NotEqual(english.Message, shown.Message);
            Assert.DoesNotContain("{", shown.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("victim", shown.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_name_that_is_missing_names_the_kind_in_the_language_being_served()
    {
        var (input, _) = TestLetters.Without(TestLetters.Complete(LetterKind.DmcaNotice), LetterRequirement.Name);

        Assert.Equal("Add a name: a copyright (DMCA) notice needs one.", InLanguage.Read("en", () => LetterCompleteness.Check(LetterKind.DmcaNotice, input).Missing[0].Message));
        Assert.Equal("Añade un nombre: este tipo de carta lo necesita (aviso por derechos de autor (DMCA)).", InLanguage.Read("es", () => LetterCompleteness.Check(LetterKind.DmcaNotice, input).Missing[0].Message));
        Assert.Equal("Ajoutez un nom\u00a0: ce type de lettre en a besoin (notification pour droit d'auteur (DMCA)).", InLanguage.Read("fr", () => LetterCompleteness.Check(LetterKind.DmcaNotice, input).Missing[0].Message));
    }

    [Theory]
    [InlineData(LetterKind.DmcaNotice, 3)]
    [InlineData(LetterKind.PreservationForPolice, 1)]
    [InlineData(LetterKind.DataProtectionDelisting, 1)]
    [InlineData(LetterKind.ExtortionAccountReport, 1)]
    [InlineData(LetterKind.PreservationToPlatform, 1)]
    public void A_kinds_own_notes_are_in_the_language_being_served_and_a_letter_composed_in_English_keeps_them_English(LetterKind kind, int notes)
    {
        var input = TestLetters.Complete(kind);
        var english = InLanguage.Read("en", () => LetterGuidance.For(kind, input));

        foreach (var language in new[] { "es", "fr" })
        {
            var shown = InLanguage.Read(language, () => LetterGuidance.For(kind, input));
            var composed = InLanguage.Read(language, () =>
            {
                using var scope = ContentOverlays.InEnglish();
                return LetterComposer.Compose(kind, input);
            });

            Assert.Equal(english.Count, shown.Count);
            Assert.Equal(notes, english.Except(shown).Count());
            Assert.Equal(english, composed.Guidance);
        }
    }

    [Fact]
    public void The_letter_wording_overlays_translate_only_the_notes_beside_a_letter_and_all_of_them()
    {
        var assembly = typeof(LetterWording).Assembly;
        using var stream = assembly.GetManifestResourceStream(LetterWording.ResourceName)!;
        var wording = JsonNode.Parse(stream)!["wording"]!.AsArray();
        var guidance = wording.Select((w, i) => (Key: w!["key"]!.GetValue<string>(), Path: $"wording[{i}].text"))
            .Where(w => w.Key.Contains(".guidance", StringComparison.Ordinal))
            .Select(w => w.Path)
            .ToList();

        Assert.Equal(6, guidance.Count);
        foreach (var language in ContentOverlays.Languages)
        {
            var overlay = ContentOverlays.Find(assembly, language, "law", "letter-wording.json")!;
            Assert.Equal(guidance.Order(StringComparer.Ordinal), overlay.Text.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(ContentOverlays.EnglishVersion(assembly, "law/letter-wording.json"), overlay.TranslatedFrom);
        }
    }
}
