using System.Globalization;
using System.Text.Json;
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
        var english = InLanguage.Read("en", () => TestPacks.Shipped.Get("GB"));
        var shown = InLanguage.Read(culture, () => TestPacks.Shipped.Get("GB"));

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
            var english = InLanguage.Read("en", () => TestPacks.Shipped.Packs.ToDictionary(p => p.Code, p => p));
            foreach (var pack in InLanguage.Read(language, () => TestPacks.Shipped.Packs.ToList()))
            {
                // Some names are the same in both languages (Australia, Canada, France); the notes never are.
                Assert.NotEqual(english[pack.Code].EmergencyNumber!.Note, pack.EmergencyNumber!.Note);
            }
        }
    }

    [Fact]
    public void The_pseudo_language_shows_every_translated_text_accented_and_the_rest_as_it_is()
    {
        var pseudo = InLanguage.Read(PseudoText.Culture, () => TestPacks.Shipped.Get("GB"));
        var english = InLanguage.Read("en", () => TestPacks.Shipped.Get("GB"));

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

    /// <summary>
    /// Properties whose texts are facts or notes, never translated (ADR 0030): they stay in the one English pack.
    /// Every other text in a pack is something a person reads, so it needs its Spanish and its French.
    /// </summary>
    private static readonly HashSet<string> NeverTranslated = new(StringComparer.Ordinal)
    {
        "code",          // the pack's code (GB, INTL)
        "editorialNote", // the editors' note on how facts were checked, never shown
        "number",        // the emergency number
        "phone",         // a phone number, dialled as written
        "webUrl",        // the service's address
        "sourceUrl",     // the page a fact was checked against
        "lastVerified",  // the date it was checked (yyyy-MM-dd)
    };

    /// <summary>
    /// Route and remedy names left as written in both languages: an organisation's, service's or law's own name, which
    /// a person must recognise on its site or say on the phone (a name with a plain description in it, such as "Your
    /// local police" or "eSafety Commissioner: deal with sextortion", is translated and is not listed). A name listed
    /// here may still be translated in one language, where the organisation has an official name in it (Canada's
    /// organisations in French). A new name that is in neither the overlays nor this list fails the test below.
    /// </summary>
    private static readonly HashSet<string> NamesKeptAsWritten = new(StringComparer.Ordinal)
    {
        // Australia
        "1800RESPECT", "eSafety Commissioner", "Australian Centre to Counter Child Exploitation (ACCCE)", "Kids Helpline", "Lifeline",
        // Canada (each but NeedHelpNow.ca and Cybertip.ca has its official French name in the French overlay)
        "Cybertip.ca (Canadian Centre for Child Protection)", "Cybertip.ca", "NeedHelpNow.ca", "Kids Help Phone", "Canadian Anti-Fraud Centre",
        "9-8-8: Suicide Crisis Helpline",
        // Spain: the English pack already gives the Spanish names
        "017 Tu Ayuda en Ciberseguridad (INCIBE)", "Canal prioritario (Agencia Española de Protección de Datos, AEPD)",
        "Teléfono ANAR de Ayuda a Niños y Adolescentes (Fundación ANAR)", "024 (Línea de atención a la conducta suicida)",
        // France: the English pack already gives the French names, and the protection order's own name
        "3919 (Violences Femmes Info)", "PHAROS (internet-signalement.gouv.fr)", "CNIL (Commission nationale de l'informatique et des libertés)",
        "3018", "119 (Allô Enfance en Danger)", "Cybermalveillance.gouv.fr", "3114 (numéro national de prévention du suicide)",
        "Viols Femmes Informations (Collectif Féministe Contre le Viol)", "ordonnance de protection (juge aux affaires familiales)",
        // United Kingdom
        "Revenge Porn Helpline", "National Domestic Abuse Helpline", "Report Remove (Childline and the Internet Watch Foundation)", "Childline",
        "CEOP Safety Centre", "Samaritans", "Rape Crisis Scotland Helpline",
        // Ireland
        "Hotline.ie", "Women's Aid National Freephone Helpline", "Childline (ISPCC)", "An Garda Síochána",
        "An Garda Síochána (Online Child Exploitation Unit)", "National Rape Crisis Helpline (Dublin Rape Crisis Centre)",
        // Mexico: the English pack already gives the Spanish names
        "Te Protejo México", "Línea de la Vida",
        // United States
        "CCRI Image Abuse Helpline (Cyber Civil Rights Initiative)", "CyberTipline (NCMEC)", "FBI Internet Crime Complaint Center (IC3)",
        "988 Suicide & Crisis Lifeline", "National Sexual Assault Hotline (RAINN)",
        // Everywhere
        "StopNCII.org", "Take It Down (NCMEC)", "INHOPE", "Find A Helpline",
    };

    [Fact]
    public void Every_text_a_person_reads_in_every_pack_is_in_the_Spanish_and_French_overlays()
    {
        const string Prefix = "IncidentResponse.Domain.Content.jurisdictions.";
        var assembly = typeof(JurisdictionCatalog).Assembly;
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, resources.Count);
        var missing = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var file = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var texts = new List<(string Path, string Text)>();
            Texts(document.RootElement, "", texts);
            names.UnionWith(texts.Where(t => t.Path.EndsWith(".name", StringComparison.Ordinal)).Select(t => t.Text));
            foreach (var language in ContentOverlays.Languages)
            {
                var overlay = ContentOverlays.Find(assembly, language, "jurisdictions", file);
                missing.AddRange(texts
                    .Where(t => !NeverTranslated.Contains(PropertyOf(t.Path)))
                    .Where(t => !(t.Path.EndsWith(".name", StringComparison.Ordinal) && NamesKeptAsWritten.Contains(t.Text)))
                    .Where(t => overlay is null || !overlay.Text.ContainsKey(t.Path))
                    .Select(t => $"{language}/{file}: {t.Path} (\"{t.Text}\")"));
            }
        }

        Assert.True(missing.Count == 0, "Texts a person reads with no translation:\n" + string.Join("\n", missing));
        Assert.Empty(NamesKeptAsWritten.Except(names)); // the list names only names the packs have
    }

    private static void Texts(JsonElement element, string path, List<(string Path, string Text)> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Texts(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", texts);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Texts(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), texts);
                }

                break;
            case JsonValueKind.String:
                texts.Add((path, element.GetString()!));
                break;
        }
    }

    /// <summary>The property a path ends in: "phone" for "helplines[0].phone", "helplines" for "helplines[1]".</summary>
    private static string PropertyOf(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }
}
