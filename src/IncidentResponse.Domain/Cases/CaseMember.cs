namespace IncidentResponse.Domain.Cases;

/// <summary>A person's place on a case: the owner, or an ally with a role.</summary>
public sealed class CaseMember
{
    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public CaseRole Role { get; set; }

    public DateTime JoinedUtc { get; set; }

    public Case? Case { get; set; }
}
