using System.Diagnostics;
using System.Text;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// The app with telemetry on: its OTLP exporter sends to a small collector on loopback (OTLP over HTTP, protobuf), and
/// every span and metric is also kept in memory as exported, so tests read both what was recorded and what left the app.
/// </summary>
public sealed class TelemetryApp : SqliteApp
{
    private WebApplication? _collector;

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];

    /// <summary>Every OTLP message the collector received, as its raw bytes read as text (protobuf keeps strings as UTF-8).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Signal, string Body)> Received { get; } = new();

    /// <summary>Exports everything recorded so far, to memory and to the collector.</summary>
    public void Flush()
    {
        Assert.True(Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
    }

    /// <summary>Spans as the exporters see them (after the app's own processors), from every app in this test process.</summary>
    public IReadOnlyList<Activity> Spans => LockedList<Activity>.Copy(_spans);

    public IReadOnlyList<MetricSnapshot> Metrics => LockedList<MetricSnapshot>.Copy(_metrics);

    protected override async Task<string> CreateDatabaseAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            Received.Enqueue((signal, Encoding.UTF8.GetString(body.ToArray())));
            return Results.Bytes([], "application/x-protobuf");
        });
        await _collector.StartAsync();
        var address = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Set(TelemetrySetup.EndpointSetting, address);
        Set("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        return await base.CreateDatabaseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new LockedList<Activity>(_spans)));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(new LockedList<MetricSnapshot>(_metrics)));
        });
    }

    protected override async Task AfterDisposeAsync()
    {
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    /// <summary>The exporters add from their own threads while a test reads.</summary>
    private sealed class LockedList<T>(List<T> inner) : ICollection<T>
    {
        public static List<T> Copy(List<T> list)
        {
            lock (list)
            {
                return [.. list];
            }
        }

        public int Count => Locked(() => inner.Count);

        public bool IsReadOnly => false;

        public void Add(T item) => Locked(() => { inner.Add(item); return 0; });

        public void Clear() => Locked(() => { inner.Clear(); return 0; });

        public bool Contains(T item) => Locked(() => inner.Contains(item));

        public void CopyTo(T[] array, int arrayIndex) => Locked(() => { inner.CopyTo(array, arrayIndex); return 0; });

        public bool Remove(T item) => Locked(() => inner.Remove(item));

        public IEnumerator<T> GetEnumerator() => Locked(() => inner.ToList()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private TResult Locked<TResult>(Func<TResult> action)
        {
            lock (inner)
            {
                return action();
            }
        }
    }
}
