using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// What the Chromium print queue is doing, for OpenTelemetry (<c>IncidentResponse.Printing</c>): how many documents wait
/// for a free browser slot and for how long, how many print and for how long, and how many pages came out. Counts and
/// times only: nothing of the document. Without a listener (no collector configured) each call is a check and returns.
/// </summary>
public static class PrintTelemetry
{
    public const string Name = "IncidentResponse.Printing";

    /// <summary>Which kind of print: <c>document</c> (a letter or binder), <c>page-map</c> (the binder's first pass), <c>layout</c> (the first pass of a binder printed in parts) or <c>part</c> (one of its parts).</summary>
    public const string PassTag = "incidentresponse.pdf.pass";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly UpDownCounter<int> Waiting = Meter.CreateUpDownCounter<int>(
        "incidentresponse.pdf.queue.waiting", "{document}", "Documents waiting for a free Chromium slot");

    private static readonly Histogram<double> WaitTime = Meter.CreateHistogram<double>(
        "incidentresponse.pdf.queue.duration", "s", "Time a document waited for a free Chromium slot");

    private static readonly UpDownCounter<int> Active = Meter.CreateUpDownCounter<int>(
        "incidentresponse.pdf.printing", "{document}", "Documents Chromium is printing now");

    private static readonly Histogram<double> PrintTime = Meter.CreateHistogram<double>(
        "incidentresponse.pdf.print.duration", "s", "Time from loading a document into Chromium to its last PDF byte");

    private static readonly Histogram<int> Pages = Meter.CreateHistogram<int>("incidentresponse.pdf.pages", "{page}", "Pages in a printed PDF");

    /// <summary>Waits for one of the printer's slots, counted as waiting meanwhile.</summary>
    internal static async Task WaitForSlotAsync(SemaphoreSlim slots, string pass, CancellationToken cancellationToken)
    {
        var tag = new KeyValuePair<string, object?>(PassTag, pass);
        using var activity = Source.StartActivity("pdf.queue");
        activity?.SetTag(PassTag, pass);
        var started = Stopwatch.GetTimestamp();
        Waiting.Add(1, tag);
        try
        {
            await slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Waiting.Add(-1, tag);
            WaitTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        }
    }

    /// <summary>Starts one print; dispose it when the print ends, after <see cref="Printing.Printed"/> if it succeeded.</summary>
    internal static Printing StartPrinting(string pass) => new(pass);

    internal sealed class Printing : IDisposable
    {
        private readonly KeyValuePair<string, object?> _pass;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private int? _pages;

        public Printing(string pass)
        {
            _pass = new(PassTag, pass);
            _activity = Source.StartActivity("pdf.print");
            _activity?.SetTag(PassTag, pass);
            Active.Add(1, _pass);
        }

        public void Printed(int pages) => _pages = pages;

        public void Dispose()
        {
            var outcome = new KeyValuePair<string, object?>("incidentresponse.outcome", _pages is null ? "failed" : "printed");
            Active.Add(-1, _pass);
            PrintTime.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _pass, outcome);
            if (_pages is { } pages)
            {
                Pages.Record(pages, _pass);
                _activity?.SetTag("incidentresponse.pdf.pages", pages);
            }
            else
            {
                _activity?.SetStatus(ActivityStatusCode.Error);
            }

            _activity?.SetTag(outcome.Key, outcome.Value);
            _activity?.Dispose();
        }
    }
}
