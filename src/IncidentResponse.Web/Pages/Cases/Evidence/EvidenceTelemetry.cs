using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// Uploads as OpenTelemetry sees them (<c>IncidentResponse.Evidence</c>, ADR 0022): one <c>upload.receive</c> span per
/// file read, sniffed and sealed, how long that took, its outcome (<c>received</c>, a refusal's name, or <c>failed</c>)
/// and, in a histogram only, how large the file was. Never its name, its kind of content, its case or its id.
/// </summary>
public static class EvidenceTelemetry
{
    public const string Name = "IncidentResponse.Evidence";

    public const string OutcomeTag = "incidentresponse.outcome";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> ReceiveTime = Meter.CreateHistogram<double>(
        "incidentresponse.evidence.receive.duration", "s", "Time to read, check and seal one uploaded file");

    private static readonly Histogram<long> Size = Meter.CreateHistogram<long>(
        "incidentresponse.evidence.size", "By", "Size of each file received into the vault");

    /// <summary>Times one file's intake until disposed; one disposed without <see cref="Receiving.Ended"/> failed.</summary>
    public static Receiving StartReceiving() => new();

    public sealed class Receiving : IDisposable
    {
        private readonly Activity? _activity = Source.StartActivity("upload.receive");
        private readonly long _started = Stopwatch.GetTimestamp();
        private string _outcome = "failed";

        public EvidenceIntake Ended(EvidenceIntake intake)
        {
            ArgumentNullException.ThrowIfNull(intake);
            _outcome = intake.Refusal?.ToString() ?? "received";
            if (intake.Received is { } received)
            {
                Size.Record(received.Sealed.Length);
            }

            return intake;
        }

        public void Dispose()
        {
            ReceiveTime.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, _outcome));
            _activity?.SetTag(OutcomeTag, _outcome);
            if (_outcome == "failed")
            {
                _activity?.SetStatus(ActivityStatusCode.Error);
            }

            _activity?.Dispose();
        }
    }
}
