using System.Diagnostics;
using System.Globalization;
using System.Net;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// OpenTelemetry (ADR 0022): off, with nothing registered, unless an OTLP endpoint is configured; on, requests are named
/// by their route template, and no case content, id or planted header reaches any span, metric or exported byte.
/// </summary>
public sealed class TelemetryTests(TelemetryApp app) : IClassFixture<TelemetryApp>
{
    [Fact]
    public void Without_an_endpoint_nothing_of_OpenTelemetry_is_registered()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddTelemetry();

        Assert.DoesNotContain(builder.Services, s => s.ServiceType.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
        using var built = builder.Build();
        Assert.Null(built.Services.GetService<TracerProvider>());
        Assert.Null(built.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void With_an_endpoint_traces_and_metrics_are_registered()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [TelemetrySetup.EndpointSetting] = "http://127.0.0.1:4317" });
        builder.AddTelemetry();

        using var built = builder.Build();
        Assert.NotNull(built.Services.GetService<TracerProvider>());
        Assert.NotNull(built.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task A_request_span_is_named_by_its_route_template_and_reaches_the_collector_without_the_case_id()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        // The request names its own trace (W3C traceparent), so the spans read are this request's, not those of another
        // test's app in the same process that opened a dashboard at the same moment.
        var traceId = ActivityTraceId.CreateRandom();
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/cases/{caseId}"))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var response = await client.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        app.Flush();

        // ASP.NET Core gives a Razor page's template without its leading slash.
        var spans = app.Spans;
        var span = spans.LastOrDefault(s => s.TraceId == traceId && Route(s) == "cases/{caseId:guid}");
        Assert.True(span is not null, "Routes seen: " + string.Join(", ", spans.Select(s => $"{s.DisplayName} [{Tag(s, "http.route")}]").Distinct().Take(40)));
        Assert.Equal("GET " + Tag(span, "http.route"), span.DisplayName);
        Assert.Equal("200", Tag(span, "http.response.status_code"));
        Assert.Null(Tag(span, "url.path"));
        Assert.Contains(spans, s => s.TraceId == span.TraceId && (Tag(s, "db.system.name") ?? Tag(s, "db.system")) is not null);

        var traces = string.Concat(app.Received.Where(r => r.Signal == "traces").Select(r => r.Body));
        Assert.Contains("cases/{caseId:guid}", traces, StringComparison.Ordinal);
        Assert.Contains("IncidentResponse", traces, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), traces, StringComparison.OrdinalIgnoreCase);
    }

    // Long because it is one survivor's whole journey, each step planting the marker where it can.
    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_marker_planted_in_paths_queries_forms_headers_and_files_reaches_no_span_or_metric()
    {
        var marker = "MARKER" + Guid.NewGuid().ToString("N")[..12];
        using var stranger = app.CreateAppClient();
        await stranger.SignInAsync($"{marker}user", $"{marker} passphrase");
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync($"{marker} title");
        using var _ = client;
        var headers = client.Http.DefaultRequestHeaders;
        headers.TryAddWithoutValidation("User-Agent", $"Mozilla/5.0 ({marker})");
        headers.TryAddWithoutValidation("Referer", $"https://example.org/{marker}");
        headers.TryAddWithoutValidation("X-Note", marker);
        headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.TryAddWithoutValidation("tracestate", $"planted={marker.ToLowerInvariant()}");
        headers.TryAddWithoutValidation("baggage", $"planted={marker}");

        await client.GetAsync($"/cases/{caseId}?q={marker}&{marker}=1");
        await client.GetAsync($"/cases/{caseId}/{marker}");
        await client.GetAsync($"/{marker}?{marker}");
        using (var odd = new HttpRequestMessage(new HttpMethod(marker), $"/cases/{caseId}"))
        {
            await client.Http.SendAsync(odd);
        }

        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm($"{marker} narrative", ("AccountHandle", $"@{marker}")));
        await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(300, 200), $"{marker}.png", new Dictionary<string, string>
        {
            ["Input.WhatItShows"] = $"{marker} shows",
            ["Input.SourceUrl"] = $"https://{marker}.example.org/post",
        });
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        using var binder = await BinderJobClient.FollowAsync(client.Http, await client.Http.PostAsync($"/cases/{caseId}/binder?handler=Pdf", new FormUrlEncodedContent(
        [
            new("__rvt", token), new("Input.Preset", "MyRecords"), new("Input.Title", $"{marker} binder"), new("Input.PreparedBy", ""),
            new("Input.PreparedFor", marker), new("Input.Sections", "Cover"), new("Input.Sections", "Contents"),
            new("Input.Sections", "IncidentLog"), new("Input.Sections", "Exhibits"), new($"Input.Redactions[{evidenceId}]", "None"),
        ])));
        Assert.Equal("application/pdf", binder.Content.Headers.ContentType?.MediaType);
        var pages = PdfTools.Read(await binder.Content.ReadAsByteArrayAsync()).PageCount;
        app.Flush();

        // What was recorded: the journey's parts, so the scan below cannot pass by finding nothing.
        var spans = app.Spans;
        Assert.Contains(spans, s => s.OperationName == "upload.receive" && Tag(s, "incidentresponse.outcome") == "received");
        Assert.Contains(spans, s => s.OperationName == "binder.build" && Tag(s, "incidentresponse.outcome") == "done");
        Assert.Contains(spans, s => s.OperationName == "binder.contents");
        Assert.Contains(spans, s => s.OperationName == "binder.print" && Tag(s, "incidentresponse.binder.pages") == pages.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(spans, s => s.OperationName == "pdf.queue" && Tag(s, "incidentresponse.pdf.pass") == "page-map");
        Assert.Contains(spans, s => s.OperationName == "pdf.print" && Tag(s, "incidentresponse.pdf.pass") == "document");
        Assert.Contains(spans, s => Route(s) == "cases/{caseId:guid}/evidence/add" && Tag(s, "http.request.method") == "POST");
        Assert.Contains(spans, s => (Tag(s, "db.query.text") ?? Tag(s, "db.statement")) is { } sql && sql.Contains("SELECT", StringComparison.Ordinal));
        var metrics = app.Metrics;
        Assert.Contains(metrics, m => m.Name == "incidentresponse.binder.phase.duration");
        Assert.Contains(metrics, m => m.Name == "incidentresponse.pdf.queue.duration");
        Assert.Contains(metrics, m => m.Name == "incidentresponse.evidence.size");
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration" && TagsOf(m).Any(t => t.EndsWith("cases/{caseId:guid}/binder", StringComparison.Ordinal)));

        // Nothing planted, and no id or name of this case or person, anywhere in what was recorded or sent.
        string[] secrets = [marker, caseId.ToString(), incidentId.ToString(), evidenceId.ToString(), username];
        var recorded = spans.SelectMany(Texts).Concat(metrics.SelectMany(m => TagsOf(m).Append(m.Name).Append(m.Description))).ToList();
        var sent = app.Received.Select(r => r.Body).ToList();
        Assert.NotEmpty(sent);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(recorded, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(sent, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string? Route(Activity span) => Tag(span, "http.route")?.TrimStart('/');

    private static string? Tag(Activity span, string key) => span.GetTagItem(key) switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    /// <summary>Everything a span exports: its names, attributes, events, links, status and trace state.</summary>
    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "", span.TraceStateString ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Links.SelectMany(l => (l.Tags ?? []).Select(t => $"{t.Key}={t.Value}")));

    private static IEnumerable<string> TagsOf(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{tag.Key}={tag.Value}";
            }
        }
    }
}
