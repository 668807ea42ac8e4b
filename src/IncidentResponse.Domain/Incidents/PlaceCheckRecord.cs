namespace IncidentResponse.Domain.Incidents;

public enum PlaceCheckOutcome
{
    /// <summary>The site answered (any status, after at most three redirects).</summary>
    Answered,

    /// <summary>The address is one the server may not visit: not http(s) on 80/443, or not a public address.</summary>
    Refused,

    /// <summary>No answer: a timeout, a connection refused, too many redirects.</summary>
    Failed,
}

/// <summary>
/// One re-check of a place whose takedown is pending (issue 24), when the case's owner turned re-checks on: when, what
/// came back (the status code and the final address after redirects) and nothing of the content. It only suggests;
/// the person decides whether the place is gone. Hidden with its place (a private entry's place is the owner's alone).
/// </summary>
public sealed class PlaceCheckRecord
{
    public const int FinalUrlMaxLength = 2048;
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid SightingId { get; set; }

    public DateTime CheckedUtc { get; set; }

    public PlaceCheckOutcome Outcome { get; set; }

    public int? StatusCode { get; set; }

    public string FinalUrl { get; set; } = "";

    /// <summary>Why there is no answer, in words ("it did not answer in time"); empty for an answer.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The place answers that the page is not there (404) or gone for good (410).</summary>
    public bool LooksGone => Outcome == PlaceCheckOutcome.Answered && StatusCode is 404 or 410;
}
