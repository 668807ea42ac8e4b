using System.Net;
using System.Net.Http.Headers;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Adding evidence as a browser does: a multipart form, the antiforgery token first, then the file and the description
/// fields in the order asked for (the page puts the file first; older forms sent it last).
/// </summary>
public static class EvidenceJourneys
{
    /// <summary>The form fields a person leaves as they are unless a test says otherwise.</summary>
    public static IReadOnlyDictionary<string, string> NoDescription { get; } = new Dictionary<string, string>();

    public static Task<AppClient.PageResult> UploadEvidenceAsync(
        this AppClient client, Guid caseId, byte[] file, string fileName, IReadOnlyDictionary<string, string>? fields = null) =>
        client.UploadEvidenceAsync(caseId, new ByteArrayContent(file), fileName, fields);

    public static async Task<AppClient.PageResult> UploadEvidenceAsync(
        this AppClient client, Guid caseId, HttpContent file, string fileName, IReadOnlyDictionary<string, string>? fields = null, string? token = null, bool fileFirst = false, CancellationToken cancellationToken = default)
    {
        token ??= await client.AntiforgeryTokenAsync($"/cases/{caseId}/evidence/add");
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__rvt");
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (fileFirst)
        {
            body.Add(file, "File", fileName);
        }

        foreach (var (name, value) in fields ?? NoDescription)
        {
            body.Add(new StringContent(value), name);
        }

        if (!fileFirst)
        {
            body.Add(file, "File", fileName);
        }
        using var response = await client.Http.PostAsync($"/cases/{caseId}/evidence/add", body, cancellationToken);
        return await AppClient.PageResult.ReadAsync(response);
    }

    /// <summary>
    /// Downloads one evidence file as a person does: the passphrase entered again first (a download needs step-up),
    /// then the file. Returns the raw response.
    /// </summary>
    public static async Task<HttpResponseMessage> DownloadEvidenceAsync(
        this AppClient client, Guid caseId, Guid evidenceId, string passphrase = Journeys.GoodPassphrase)
    {
        var url = $"/cases/{caseId}/evidence/{evidenceId}/download";
        var confirmed = await client.ConfirmPassphraseAsync(url, passphrase);
        if (confirmed.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirming the passphrase failed ({(int)confirmed.Status}).");
        }

        return await client.Http.GetAsync(url);
    }

    /// <summary>Uploads a file that must be kept, and returns its id (from the redirect to its page).</summary>
    public static async Task<Guid> AddEvidenceAsync(
        this AppClient client, Guid caseId, byte[] file, string fileName, IReadOnlyDictionary<string, string>? fields = null)
    {
        var result = await client.UploadEvidenceAsync(caseId, file, fileName, fields);
        if (result.Status != HttpStatusCode.Redirect || result.Location is null)
        {
            throw new InvalidOperationException($"Adding evidence failed ({(int)result.Status}): {result.MainText}");
        }

        return Guid.Parse(result.Location.OriginalString.Split('/')[^1]);
    }
}
