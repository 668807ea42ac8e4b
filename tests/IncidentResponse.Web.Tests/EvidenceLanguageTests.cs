using System.Net;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The evidence pages and "Download everything" in Spanish and French (issue 23, ADR 0030): the list, a file's page and
/// the add form speak the person's language, a refused description comes back in it with what was typed kept, and the
/// export page says what the ZIP holds in French.
/// </summary>
public abstract class EvidenceLanguageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("es", "Pruebas", "Documento PDF", "Huella SHA-256", "Añadir pruebas", "Dónde lo encontraste (opcional)")]
    [InlineData("fr", "Preuves", "Document PDF", "Empreinte SHA-256", "Ajouter des preuves", "Où vous l’avez trouvé (facultatif)")]
    public async Task The_evidence_list_a_file_and_the_add_form_speak_the_persons_language(
        string language, string heading, string kind, string fingerprint, string addHeading, string source)
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");
        var evidenceId = await client.AddEvidenceAsync(caseId, TestFiles.Pdf("a record of the messages"u8.ToArray()), "record.pdf");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        var list = await client.GetAsync($"/cases/{caseId}/evidence");
        var file = await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}");
        var add = await client.GetAsync($"/cases/{caseId}/evidence/add");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(heading, list.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(kind, list.Document.QuerySelector(".card h2")!.TextContent);
        Assert.Equal(kind, file.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(fingerprint, file.MainText, StringComparison.Ordinal);
        Assert.Equal(addHeading, add.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(source, add.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_web_address_is_explained_in_Spanish_and_what_was_typed_is_kept()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");
        var fields = new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = "el foro de la escuela",
            ["Input.WhatItShows"] = "Una publicación con mi nombre",
        };

        var result = await client.UploadEvidenceAsync(caseId, TestFiles.Pdf("a record"u8.ToArray()), "record.pdf", fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Esto no parece una dirección web.", result.MainText, StringComparison.Ordinal);
        Assert.Contains("Vuelve a elegir el archivo: por tu seguridad, no lo hemos guardado.", result.MainText, StringComparison.Ordinal);
        Assert.Equal("Una publicación con mi nombre", result.Document.QuerySelector("textarea[name='Input.WhatItShows']")!.TextContent.Trim());
        Assert.Equal("el foro de la escuela", result.Document.QuerySelector("input[name='Input.SourceUrl']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_export_page_says_what_the_zip_holds_in_French()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "fr");

        var page = await client.GetAsync($"/cases/{caseId}/export");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Tout télécharger", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Avant de télécharger.", page.MainText, StringComparison.Ordinal);
        Assert.Equal("Tout télécharger (ZIP)", page.Document.QuerySelector("button[data-preparing-button]")!.TextContent);
        Assert.StartsWith("Préparation de votre téléchargement", page.Document.QuerySelector("#export-preparing")!.GetAttribute("data-text"), StringComparison.Ordinal);
    }
}

public sealed class EvidenceLanguageTestsOnSqlite(SqliteApp app) : EvidenceLanguageTests<SqliteApp>(app);
