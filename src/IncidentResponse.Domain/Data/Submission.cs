namespace IncidentResponse.Domain.Data;

/// <summary>
/// A form post that created something, by the key its form carried (a GUID rendered with the form). A second post with
/// the same key (a double click, a retry after a timeout or an outage) is sent to what the first one created instead of
/// creating it again. Holds ids only: the address it led to is built from ids, never from what was typed.
/// </summary>
public sealed class Submission
{
    public const int LocationMaxLength = 256;

    public Guid UserId { get; set; }

    /// <summary>The key from the form.</summary>
    public Guid Id { get; set; }

    /// <summary>The case it was made in, if any (deleting the case deletes this row).</summary>
    public Guid? CaseId { get; set; }

    /// <summary>Where the first post led, e.g. <c>/cases/{caseId}/log/{incidentId}</c>.</summary>
    public string Location { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
