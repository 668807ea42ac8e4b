using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The record's pages (the timeline, an entry, adding one) speak Spanish and French (issue 23): their words come from
/// <c>IncidentsText</c> and the Domain's incident words; the binder keeps the English ones.
/// </summary>
public abstract class IncidentsLanguageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("es", "Tu registro", "Añadir algo que pasó", "Una publicación o algo subido", "21:30 hora de Londres", "Bastante preocupante")]
    [InlineData("fr", "Votre journal", "Ajouter quelque chose qui s’est passé", "Une publication ou un contenu mis en ligne", "21:30 heure de Londres", "Assez inquiétant")]
    public async Task The_record_speaks_the_language_asked_for(string language, string record, string add, string post, string time, string concern)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("They posted a photo of me"));
        await client.GetAsync($"/language/{language}");

        var log = await client.GetAsync($"/cases/{caseId}/log");
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Equal(record, log.Document.QuerySelector("h1")!.TextContent.Trim());
        var card = log.Document.QuerySelector("ol.timeline li")!;
        Assert.Equal(post, card.QuerySelector("h2 a")!.TextContent.Trim());
        Assert.Contains(time, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(concern, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("They posted a photo of me", card.TextContent, StringComparison.Ordinal);

        var form = await client.GetAsync($"/cases/{caseId}/log/new");
        Assert.Equal(add, form.Document.QuerySelector("h1")!.TextContent.Trim());
        var entry = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        Assert.Equal(post, entry.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(time, entry.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_account_of_what_happened_is_explained_in_Spanish_and_what_was_typed_is_kept()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.GetAsync("/language/es");
        var form = app.IncidentForm("", ("AccountHandle", "u/nube_gris"), ("EvidenceOfIt", "Una captura del mensaje"));

        var result = await client.SubmitAsync($"/cases/{caseId}/log/new", form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Cuenta un poco lo que pasó. Basta con una frase; puedes añadir más después.", result.FieldError("Input.Narrative"));
        Assert.Equal("u/nube_gris", result.FieldValue("Input.AccountHandle"));
        Assert.Equal("Una captura del mensaje", result.Document.QuerySelector("textarea[name='Input.EvidenceOfIt']")!.TextContent.Trim());
        Assert.Equal("Añadir algo que pasó", result.Document.QuerySelector("h1")!.TextContent.Trim());
    }
}

public sealed class IncidentsLanguageTestsOnSqlite(SqliteApp app) : IncidentsLanguageTests<SqliteApp>(app);

/// <summary>The incident words the binder prints stay English whatever the language of the request; the pages' twins follow it.</summary>
public sealed class IncidentWordsTests
{
    [Fact]
    public void The_binder_words_stay_English_when_the_page_words_are_Spanish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");

            Assert.Equal("A threat", IncidentKinds.DisplayName(IncidentKind.Threat));
            Assert.Equal("Una amenaza", IncidentKinds.DisplayNameShown(IncidentKind.Threat));
            Assert.Equal("Not known", IncidentWording.PerpetratorText(PerpetratorKnown.Unknown, ""));
            Assert.Equal("No se sabe", IncidentWording.PerpetratorTextShown(PerpetratorKnown.Unknown, ""));
            var contact = ContactDetails.Empty with { Demands = ContactDemands.Money, AmountAsked = "500", PaymentMethodAsked = "gift cards" };
            Assert.Equal("Money: 500, by gift cards", ContactWording.DemandsText(contact));
            Assert.Equal("Dinero: 500, por gift cards", ContactWording.DemandsTextShown(contact));
            Assert.Equal("Somewhere else", Platforms.NameOf(Platforms.Other));
            Assert.Equal("En otro sitio", Platforms.NameShown(Platforms.Other));
            Assert.Equal("Reddit", Platforms.NameShown("reddit"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
