using System.Diagnostics;
using System.IO.Compression;
using System.Net;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>Re-entering the passphrase and downloading everything, as intent methods.</summary>
public static class ExportJourneys
{
    public static Task<AppClient.PageResult> ConfirmPassphraseAsync(this AppClient client, string returnUrl, string passphrase = Journeys.GoodPassphrase) =>
        client.SubmitAsync("/account/confirm?returnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string> { ["Input.Passphrase"] = passphrase });

    /// <summary>Presses "Download everything" (the page's own form) and returns the raw response: the binder job's address.</summary>
    public static async Task<HttpResponseMessage> PressExportButtonAsync(this AppClient client, Guid caseId)
    {
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/export");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__rvt"] = token });
        return await client.Http.PostAsync($"/cases/{caseId}/export", content);
    }

    /// <summary>
    /// Presses "Download everything" as a person would: the binder inside it is made first as a job (ADR 0024), and once
    /// its page says it is ready, "Download everything (ZIP)" there answers with the ZIP. Any other answer as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> PressDownloadEverythingAsync(this AppClient client, Guid caseId)
    {
        var pressed = await client.PressExportButtonAsync(caseId);
        if (BinderJobClient.JobAddress(pressed) is not { } job)
        {
            return pressed;
        }

        pressed.Dispose();
        return await client.DownloadZipFromJobAsync(job);
    }

    /// <summary>Waits for a "Download everything" job to end; when it is ready, presses the ZIP's button on its page.</summary>
    public static async Task<HttpResponseMessage> DownloadZipFromJobAsync(this AppClient client, string job)
    {
        if (await BinderJobClient.WaitUntilEndedAsync(client.Http, job) != "ready")
        {
            return await client.Http.GetAsync(job);
        }

        var token = await client.AntiforgeryTokenAsync(job);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__rvt"] = token });
        return await client.Http.PostAsync(job + "?handler=Zip", content);
    }

    /// <summary>Re-enters the passphrase, downloads the ZIP and extracts it into a new temp folder.</summary>
    public static async Task<string> DownloadEverythingAsync(this AppClient client, Guid caseId)
    {
        var confirmed = await client.ConfirmPassphraseAsync($"/cases/{caseId}/export");
        if (confirmed.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirming the passphrase failed ({(int)confirmed.Status}).");
        }

        using var response = await client.PressDownloadEverythingAsync(caseId);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The download answered {(int)response.StatusCode}.");
        }

        return await ExtractAsync(response);
    }

    public static async Task<string> ExtractAsync(HttpResponseMessage response)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ir-export-" + Guid.NewGuid().ToString("N")[..12]);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        copy.Position = 0;
        await ZipFile.ExtractToDirectoryAsync(copy, folder);
        return folder;
    }

    /// <summary>Runs <c>sha256sum -c manifest.sha256</c> in <paramref name="folder"/> as a real process.</summary>
    public static async Task<(int ExitCode, string Output)> Sha256SumCheckAsync(string folder)
    {
        var start = new ProcessStartInfo("sha256sum", "-c manifest.sha256")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
