using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The account pages in Spanish and French (issue 23): their headings, their form errors, the passphrase policy's
/// sentences and the time zone picker come from resources in the page's language, and what was typed is kept.
/// </summary>
public sealed partial class AccountLanguageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("es", "/account/sign-in", "Iniciar sesión")]
    [InlineData("fr", "/account/sign-in", "Se connecter")]
    [InlineData("es", "/account/sign-up", "Crear una cuenta")]
    [InlineData("fr", "/account/sign-up", "Créer un compte")]
    [InlineData("es", "/account/recover", "¿Olvidaste tu frase de contraseña?")]
    [InlineData("fr", "/account/recover", "Phrase secrète oubliée\u00a0?")]
    public async Task An_account_page_is_shown_in_the_browsers_language(string language, string url, string heading)
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var page = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(heading, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_refused_sign_up_speaks_spanish_and_keeps_what_was_typed()
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var username = Journeys.NewUsername();

        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = "short words",
            ["Input.ConfirmPassphrase"] = "short words",
            ["Input.Email"] = "not an address",
            ["Input.TimeZone"] = "Europe/Madrid",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Usa al menos 12 caracteres. Unas cuantas palabras corrientes juntas funcionan bien.", result.FieldError("Input.Passphrase"));
        Assert.Equal("Eso no parece una dirección de correo electrónico. También puedes dejarlo vacío.", result.FieldError("Input.Email"));
        Assert.Equal("Revisa lo que has escrito", result.Document.QuerySelector(".error-summary h2")!.TextContent.Trim());
        Assert.Equal(username, result.FieldValue("Input.Username"));
        Assert.Equal("not an address", result.FieldValue("Input.Email"));
        var zone = result.Document.QuerySelector("select[name='Input.TimeZone'] option[selected]")!;
        Assert.Equal("Europe/Madrid", zone.GetAttribute("value"));
        Assert.Equal("Madrid (España)", zone.TextContent.Trim());
    }

    [Fact]
    public async Task A_person_who_signed_up_in_french_deletes_their_account_with_french_words()
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        await client.SignUpAsync();

        var wrong = await client.SubmitAsync("/account/delete", new Dictionary<string, string>
        {
            ["Input.Confirmation"] = "delete it",
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });
        Assert.Equal("Saisissez les mots supprimer mon compte pour confirmer.", wrong.FieldError("Input.Confirmation"));
        Assert.Equal("delete it", wrong.FieldValue("Input.Confirmation"));

        var deleted = await client.SubmitAsync("/account/delete", new Dictionary<string, string>
        {
            ["Input.Confirmation"] = "Supprimer  mon compte",
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });
        Assert.Equal("/account/signed-out?deleted=true", deleted.Location?.OriginalString);
        Assert.Equal("Votre compte est supprimé", (await client.GetAsync("/account/signed-out?deleted=true")).Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public void Every_sentence_of_the_passphrase_policy_has_a_resource()
    {
        var policy = new PassphrasePolicy(["password"]);
        string[] passphrases = ["", "short", new('x', PassphrasePolicy.MaximumLength + 1), PassphrasePolicy.Example, "password2024!", "someone_else is my name", "aaaabbbbaaaabbbb"];

        var problems = passphrases.SelectMany(p => policy.Check(p, "someone_else")).ToList();

        Assert.Equal(passphrases.Length, problems.Distinct().Count());
        Assert.All(problems, problem => Assert.Contains(problem, PassphraseProblems.Known));
    }

    [Fact]
    public void Every_time_zone_offered_has_its_place_part_of_the_world_and_time_name_in_the_resources()
    {
        var english = Read("Pages/Shared/FormText.resx");

        Assert.All(TimeZoneChoices.All, choice =>
        {
            Assert.Equal(choice.Label, english[TimeZonePicker.LabelKey(choice)]);
            Assert.Equal(choice.TimeName, english[TimeZonePicker.TimeNameKey(choice)]);
            Assert.Equal(choice.Region, english[TimeZonePicker.RegionKey(choice.Region)]);
        });
    }

    private static Dictionary<string, string> Read(string path)
    {
        var file = Path.Combine(AppProcess.RepositoryRoot, "src", "IncidentResponse.Web", path);
        return XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);
    }
}
