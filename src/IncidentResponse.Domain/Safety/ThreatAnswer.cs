namespace IncidentResponse.Domain.Safety;

/// <summary>
/// An answer to one threat assessment question. "Not sure" is a real answer, not a skip: it counts for half of the
/// question's weight (see <see cref="ThreatScorer"/>).
/// </summary>
public enum ThreatAnswer
{
    No = 0,
    NotSure = 1,
    Yes = 2,
}
