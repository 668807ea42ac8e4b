using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// How long each phase of a binder PDF takes, and how many pictures and pages it has, for OpenTelemetry
/// (<c>IncidentResponse.Binder</c>, ADR 0022). Phases: <c>build</c> (read and check the case), <c>contents</c> (the first print
/// that finds the pages), <c>render</c> (the HTML), <c>print</c> (obscured copies are made in it, as the page asks).
/// Counts and times only, never the case or its content.
/// </summary>
public static class BinderTelemetry
{
    public const string Name = "IncidentResponse.Binder";

    public const string PhaseTag = "incidentresponse.binder.phase";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> PhaseTime = Meter.CreateHistogram<double>(
        "incidentresponse.binder.phase.duration", "s", "Time one phase of making a binder PDF took");

    private static readonly Histogram<int> Pictures = Meter.CreateHistogram<int>(
        "incidentresponse.binder.pictures", "{picture}", "Pictures handed to Chromium for one binder PDF");

    private static readonly Histogram<int> Pages = Meter.CreateHistogram<int>("incidentresponse.binder.pages", "{page}", "Pages in one binder PDF");

    /// <summary>Times one phase until disposed; a phase left without <see cref="Phase.Done"/> is marked failed.</summary>
    public static Phase Start(string phase) => new(phase);

    public sealed class Phase : IDisposable
    {
        private readonly string _phase;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private bool _done;

        internal Phase(string phase)
        {
            _phase = phase;
            _activity = Source.StartActivity("binder." + phase);
            _activity?.SetTag(PhaseTag, phase);
        }

        public void Done() => _done = true;

        /// <summary>The print phase is done: the binder's exhibits, the pictures Chromium was handed, its pages.</summary>
        public void Printed(int exhibits, int pictures, int pages)
        {
            Pictures.Record(pictures);
            Pages.Record(pages);
            _activity?.SetTag("incidentresponse.binder.exhibits", exhibits)
                .SetTag("incidentresponse.binder.pictures", pictures)
                .SetTag("incidentresponse.binder.pages", pages);
            _done = true;
        }

        public void Dispose()
        {
            var outcome = _done ? "done" : "failed";
            PhaseTime.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>(PhaseTag, _phase),
                new KeyValuePair<string, object?>("incidentresponse.outcome", outcome));
            _activity?.SetTag("incidentresponse.outcome", outcome);
            if (!_done)
            {
                _activity?.SetStatus(ActivityStatusCode.Error);
            }

            _activity?.Dispose();
        }
    }
}
