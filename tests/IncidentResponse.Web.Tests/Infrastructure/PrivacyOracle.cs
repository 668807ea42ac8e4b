using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Fetches everything the app answers, as every person of <see cref="PrivacyOracleCase"/>: every GET endpoint with every
/// id of the case, every query value its handlers read, the binder (PDF and print view, each preset, with its pictures)
/// and "Download everything" (each ZIP entry, the binder inside read back as text). Every body (HTML, text, PDF text,
/// ZIP entry) and every header is searched for every canary.
/// </summary>
public sealed partial class PrivacyOracle(AppFixture app, PrivacyOracleCase planted)
{
    /// <summary>Addresses that end the session: fetched last, once everything else was.</summary>
    private static readonly string[] SessionEnding = ["/exit", "/account/signed-out"];

    private static readonly string[] BinderHandlers = ["Pdf", "View", "Preset"];

    private readonly ConcurrentBag<CanaryHit> _hits = [];
    private readonly ConcurrentBag<string> _problems = [];
    private readonly List<(OracleViewer Maker, string Address)> _jobs = [];
    private readonly ConcurrentDictionary<string, int> _answered = new(StringComparer.Ordinal);
    private int _requests;

    public sealed record Outcome(
        PrivacyOracleCase Case,
        IReadOnlyList<CanaryHit> Hits,
        IReadOnlyList<string> Problems,
        IReadOnlyDictionary<string, int> Answered,
        int Requests,
        TimeSpan PlantTime,
        TimeSpan FetchTime);

    public static async Task<Outcome> RunAsync(AppFixture app)
    {
        var clock = Stopwatch.StartNew();
        var planted = await PrivacyOracleCase.PlantAsync(app);
        var plantTime = clock.Elapsed;
        var oracle = new PrivacyOracle(app, planted);
        await oracle.FetchEverythingAsync();
        return new Outcome(
            planted,
            [.. oracle._hits],
            [.. oracle._problems.Order(StringComparer.Ordinal)],
            new Dictionary<string, int>(oracle._answered),
            oracle._requests,
            plantTime,
            clock.Elapsed - plantTime);
    }

    private async Task FetchEverythingAsync()
    {
        // The passphrase again, once per session: the step-up stamp covers every download after it (the clock stands still).
        foreach (var viewer in planted.Viewers)
        {
            var confirmed = await viewer.Client.ConfirmPassphraseAsync($"/cases/{planted.CaseId}/export");
            if (confirmed.Status != HttpStatusCode.Redirect)
            {
                _problems.Add($"{viewer.Name}: re-entering the passphrase answered {(int)confirmed.Status}.");
            }
        }

        // Downloads one person after another, so what each one records (binder made, case exported) is in place
        // before anyone reads the history.
        foreach (var viewer in planted.Viewers)
        {
            await DownloadsAsync(viewer);
        }

        // Each binder job is its maker's alone: everyone else, allies and a stranger alike, gets 404 for all of it.
        await JobsAreTheirMakersAloneAsync();
        planted.Ids["jobId"] = [.. _jobs.Select(j => Guid.Parse(j.Address[(j.Address.LastIndexOf('/') + 1)..]))];

        // Addresses are listed once every id is known, the binder jobs' included.
        var endpoints = await GetEndpointCatalog.ReadAsync(app);
        var urls = endpoints.SelectMany(Addresses).Distinct(StringComparer.Ordinal).ToList();
        var last = urls.Where(u => SessionEnding.Contains(u.Split('?')[0], StringComparer.Ordinal)).ToList();
        var reads = urls.Except(last, StringComparer.Ordinal).ToList();

        var work = planted.Viewers.SelectMany(v => reads.Select(u => (Viewer: v, Url: u))).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
            await FetchAsync(item.Viewer, HttpMethod.Get, item.Url, null));
        foreach (var viewer in planted.Viewers)
        {
            foreach (var url in last)
            {
                await FetchAsync(viewer, HttpMethod.Get, url, null);
            }
        }
    }

    /// <summary>The binder for each preset (PDF, print view and its pictures, the preset form), and the ZIP.</summary>
    private async Task DownloadsAsync(OracleViewer viewer)
    {
        var token = await viewer.Client.AntiforgeryTokenAsync("/cases/new");
        var binder = $"/cases/{planted.CaseId}/binder";
        foreach (var preset in Enum.GetValues<BinderPreset>())
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("__rvt", token),
                new("Input.Preset", preset.ToString()),
                new("Input.Title", "Evidence record"),
                new("Input.PreparedBy", ""),
                new("Input.PreparedFor", ""),
            };
            fields.AddRange(BinderPresets.SectionsFor(preset).Select(s => new KeyValuePair<string, string>("Input.Sections", s.ToString())));
            foreach (var handler in BinderHandlers.Where(h => h != "Pdf" || PrintsPdf(viewer, preset)))
            {
                var answer = await FetchAsync(viewer, HttpMethod.Post, $"{binder}?handler={handler}", fields, $" preset={preset}");
                if (handler == "Pdf" && answer.Location is { } job && job.Contains("/binder/jobs/", StringComparison.Ordinal))
                {
                    answer = await FollowJobAsync(viewer, job);
                }

                if (viewer.IsOwner || viewer.Export)
                {
                    var expected = handler == "Pdf" ? "application/pdf" : "text/html";
                    if (answer.Status != HttpStatusCode.OK || !answer.ContentType.StartsWith(expected, StringComparison.Ordinal))
                    {
                        _problems.Add($"{viewer.Name}: the binder ({handler}, {preset}) answered {(int)answer.Status} {answer.ContentType}, not {expected}.");
                    }
                }

                if (handler == "View" && answer.Status == HttpStatusCode.OK)
                {
                    foreach (var picture in ResourceLink().Matches(answer.Text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
                    {
                        await FetchAsync(viewer, HttpMethod.Get, picture, null);
                    }
                }
            }
        }

        // "Download everything" makes its binder as a job first; the ZIP then comes from the job's page.
        var zip = await FetchAsync(viewer, HttpMethod.Post, $"/cases/{planted.CaseId}/export", [new("__rvt", token)]);
        if (zip.Location is { } exportJob && exportJob.Contains("/binder/jobs/", StringComparison.Ordinal))
        {
            _jobs.Add((viewer, exportJob));
            await BinderJobClient.WaitUntilEndedAsync(viewer.Client.Http, exportJob);
            await FetchAsync(viewer, HttpMethod.Get, exportJob, null);
            zip = await FetchAsync(viewer, HttpMethod.Post, exportJob + "?handler=Zip", [new("__rvt", token)]);
        }

        if ((viewer.IsOwner || viewer.Export) && (zip.Status != HttpStatusCode.OK || zip.ContentType != "application/zip"))
        {
            _problems.Add($"{viewer.Name}: \"Download everything\" answered {(int)zip.Status} {zip.ContentType}.");
        }
    }

    /// <summary>
    /// Whether this run prints the binder's PDF for this person and preset. The print view (the very HTML the PDF is
    /// printed from) is read for every person and preset on both databases; the PDF of half of them on each database,
    /// alternating, so every person × preset PDF is printed and searched on one of the two. What the database decides
    /// is in the print view; the print (Chromium, the parts joined) does not depend on the database, and printing all
    /// of them twice was the oracle's biggest cost. Someone who may not download the binder presses for every preset.
    /// </summary>
    private bool PrintsPdf(OracleViewer viewer, BinderPreset preset) =>
        !(viewer.IsOwner || viewer.Export)
        || (planted.Viewers.IndexOf(viewer) + (int)preset + (app.Provider == DatabaseProvider.Sqlite ? 0 : 1)) % 2 == 0;

    private sealed record Answer(HttpStatusCode Status, string ContentType, string Text, string? Location = null);

    /// <summary>A binder job this viewer started: its page, checked until it ends, then its download (searched like any answer).</summary>
    private async Task<Answer> FollowJobAsync(OracleViewer viewer, string job)
    {
        _jobs.Add((viewer, job));
        await BinderJobClient.WaitUntilEndedAsync(viewer.Client.Http, job);
        await FetchAsync(viewer, HttpMethod.Get, job, null);
        return await FetchAsync(viewer, HttpMethod.Get, job + "?handler=Download", null);
    }

    private async Task JobsAreTheirMakersAloneAsync()
    {
        var (stranger, _, _) = await app.NewSurvivorWithCaseAsync();
        using var _ = stranger;
        await stranger.ConfirmPassphraseAsync("/cases");
        var others = planted.Viewers.Select(v => (Name: v.Name, Client: v.Client)).Append((Name: "Stranger", Client: stranger)).ToList();
        foreach (var (maker, job) in _jobs)
        {
            foreach (var (name, client) in others.Where(o => o.Name != maker.Name))
            {
                var token = await client.AntiforgeryTokenAsync("/cases/new");
                foreach (var (method, url) in new[] { (HttpMethod.Get, job), (HttpMethod.Get, job + "?handler=Status"), (HttpMethod.Get, job + "?handler=Download"), (HttpMethod.Post, job + "?handler=Zip"), (HttpMethod.Post, job + "?handler=Cancel"), (HttpMethod.Post, job + "?handler=Delete") })
                {
                    using var request = new HttpRequestMessage(method, url);
                    if (method == HttpMethod.Post)
                    {
                        request.Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__rvt", token)]);
                    }

                    using var response = await client.Http.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        _problems.Add($"{name}: {method.Method} {Readable(url)} of {maker.Name}'s binder job answered {(int)response.StatusCode}, not 404.");
                    }
                }
            }
        }
    }

    private async Task<Answer> FetchAsync(OracleViewer viewer, HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>>? form, string note = "")
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var name = $"{method.Method} {Readable(url)}{note}";
        using var response = await viewer.Client.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (response.StatusCode == HttpStatusCode.OK)
        {
            _answered.AddOrUpdate(viewer.Name, 1, (_, n) => n + 1);
        }

        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            Search(viewer, url, name, "header " + header.Key, header.Key + ": " + string.Join(", ", header.Value));
        }

        var text = Encoding.Latin1.GetString(bytes);
        Search(viewer, url, name, "body", text);
        if (contentType == "application/pdf" && response.StatusCode == HttpStatusCode.OK)
        {
            Search(viewer, url, name, "PDF text", PdfTools.SqueezedText(bytes));
        }
        else if (contentType == "application/zip" && response.StatusCode == HttpStatusCode.OK)
        {
            await SearchZipAsync(viewer, url, name, bytes);
        }

        return new Answer(response.StatusCode, contentType, Encoding.UTF8.GetString(bytes), response.Headers.Location?.OriginalString);
    }

    private async Task SearchZipAsync(OracleViewer viewer, string url, string name, byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Contains(archive.Entries, e => e.FullName == "case.json");
        foreach (var entry in archive.Entries)
        {
            Search(viewer, url, name, "ZIP entry name", entry.FullName);
            using var content = new MemoryStream();
            await using (var stream = entry.Open())
            {
                await stream.CopyToAsync(content);
            }

            var data = content.ToArray();
            Search(viewer, url, name, "ZIP " + entry.FullName, Encoding.Latin1.GetString(data));
            if (entry.FullName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) && data.AsSpan().StartsWith("%PDF"u8))
            {
                Search(viewer, url, name, "ZIP " + entry.FullName + " (PDF text)", PdfTools.SqueezedText(data));
            }
        }
    }

    /// <summary>
    /// Records every canary in <paramref name="text"/>, except one the address itself carried (an id the asker typed is
    /// no news to them, and a page may echo its own address).
    /// </summary>
    private void Search(OracleViewer viewer, string url, string request, string where, string text)
    {
        foreach (var canary in planted.Canaries)
        {
            if (text.Contains(canary.Value, StringComparison.OrdinalIgnoreCase) && !url.Contains(canary.Value, StringComparison.OrdinalIgnoreCase))
            {
                _hits.Add(new CanaryHit(viewer, request, where, canary));
            }
        }
    }

    /// <summary>Every address of one endpoint: each route value filled with every id of its kind, then each query value in turn.</summary>
    private IEnumerable<string> Addresses(GetEndpointCatalog.GetEndpoint endpoint)
    {
        var paths = new List<string> { endpoint.Route };
        foreach (var parameter in endpoint.RouteParameters)
        {
            var values = RouteValues(parameter.Name);
            if (values is null)
            {
                _problems.Add($"The oracle does not know how to fill the route value {{{parameter.Name}}} of {endpoint.Route}: teach it, so the page is fetched.");
                yield break;
            }

            var pattern = new Regex(@"\{\**" + Regex.Escape(parameter.Name) + @"(?:[:?=][^}]*)?\}", RegexOptions.CultureInvariant);
            var expanded = paths.SelectMany(p => values.Select(v => pattern.Replace(p, v))).ToList();
            if (parameter.Optional)
            {
                expanded.AddRange(paths.Select(p => pattern.Replace(p, "").TrimEnd('/')));
            }

            paths = expanded;
        }

        foreach (var path in paths.Select(p => p.Length == 0 ? "/" : p))
        {
            yield return path;
            foreach (var handler in endpoint.NamedGetHandlers)
            {
                yield return $"{path}?handler={handler}";
            }

            foreach (var query in endpoint.Query)
            {
                var values = QueryValues(query);
                if (values is null)
                {
                    _problems.Add($"The oracle does not know what to put in ?{query.Name}= ({query.Type.Name}) on {endpoint.Route}: teach it, so the page is fetched with it.");
                    continue;
                }

                foreach (var value in values)
                {
                    yield return $"{path}?{query.Name}={Uri.EscapeDataString(value)}";
                }
            }
        }
    }

    private List<string>? RouteValues(string name) => name switch
    {
        "number" => Enumerable.Range(1, Math.Max(planted.PlanSteps, planted.Ids["evidenceId"].Count) + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        "code" => ["404"],
        "token" => [planted.PendingInvitationToken],
        _ => planted.Ids.TryGetValue(name, out var ids) ? ids.Select(i => i.ToString()).ToList() : null,
    };

    private List<string>? QueryValues(GetEndpointCatalog.QueryParameter query)
    {
        var type = Nullable.GetUnderlyingType(query.Type) ?? query.Type;
        if (type == typeof(Guid))
        {
            return planted.Ids.Where(k => k.Key != "caseId").SelectMany(k => k.Value).Select(i => i.ToString()).ToList();
        }

        if (type == typeof(bool))
        {
            return ["true"];
        }

        if (type.IsEnum)
        {
            return [.. Enum.GetNames(type)];
        }

        if (type == typeof(int))
        {
            return string.Equals(query.Name, "page", StringComparison.OrdinalIgnoreCase) ? ["1", "2"] : ["1"];
        }

        if (type != typeof(string))
        {
            return null;
        }

        return query.Name.ToUpperInvariant() switch
        {
            "KIND" => [.. Enum.GetNames<IncidentKind>(), Pages.Cases.Incidents.IndexModel.SightingsOnly, Pages.Cases.Incidents.IndexModel.EvidenceOnly, Pages.Cases.Incidents.IndexModel.TakedownsOnly],
            "PLATFORM" => planted.Platforms,
            "RETURNURL" or "BACK" => [$"/cases/{planted.CaseId}"],
            "RETURNTO" => ["safety", "evidence", "plan"],
            "DONE" => ["added", "removed"],
            _ => null,
        };
    }

    /// <summary>The address with every id named (<c>{letter L1 private before final}</c>), so a report reads as the case.</summary>
    public string Readable(string url)
    {
        foreach (var (id, label) in planted.Labels)
        {
            url = url.Replace(id.ToString(), label, StringComparison.OrdinalIgnoreCase);
        }

        return url;
    }

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}/binder/resource/[a-z]+/\d+", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceLink();
}
