using System.Net;
using System.Text.Json;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Follows "Download the PDF" as a person would (ADR 0024): the press answers with the job's progress page, the page is
/// checked until the binder is ready, and then the PDF is downloaded. Tests written for the PDF keep reading the PDF.
/// </summary>
public static class BinderJobClient
{
    /// <summary>Long enough for the largest binder the tests print on a busy two-core machine; a bound, not a timing.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    /// <summary>The job's address (<c>/cases/{case}/binder/jobs/{job}</c>) a press redirected to, or null for any other answer.</summary>
    public static string? JobAddress(HttpResponseMessage pressed)
    {
        ArgumentNullException.ThrowIfNull(pressed);
        var location = pressed.Headers.Location?.OriginalString;
        return pressed.StatusCode == HttpStatusCode.Redirect && location is not null && location.Contains("/binder/jobs/", StringComparison.Ordinal)
            ? location
            : null;
    }

    /// <summary>
    /// When <paramref name="pressed"/> started a job: waits for it to end, then answers with its download (ready) or its
    /// page (failed, cancelled). Any other answer is handed back as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> FollowAsync(HttpClient http, HttpResponseMessage pressed)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (JobAddress(pressed) is not { } job)
        {
            return pressed;
        }

        pressed.Dispose();
        var state = await WaitUntilEndedAsync(http, job);
        return state == "ready" ? await http.GetAsync(job + "?handler=Download") : await http.GetAsync(job);
    }

    /// <summary>Checks the job's status (as the page's script does) until it is no longer waiting or running; its last state.</summary>
    public static async Task<string> WaitUntilEndedAsync(HttpClient http, string job)
    {
        ArgumentNullException.ThrowIfNull(http);
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            var status = await StatusAsync(http, job);
            if (status.State is not ("queued" or "running"))
            {
                return status.State;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The binder job was still {status.State} after {GiveUpAfter}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<JobStatus> StatusAsync(HttpClient http, string job)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(job + "?handler=Status");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The job's status answered {(int)response.StatusCode}.");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return new JobStatus(
            root.GetProperty("state").GetString()!,
            root.GetProperty("part").GetString()!,
            root.GetProperty("done").GetInt32(),
            root.GetProperty("total").GetInt32(),
            root.GetProperty("percent").GetInt32(),
            root.GetProperty("text").GetString()!);
    }

    public sealed record JobStatus(string State, string Part, int Done, int Total, int Percent, string Text);
}
