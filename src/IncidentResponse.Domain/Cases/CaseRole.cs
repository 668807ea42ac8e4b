namespace IncidentResponse.Domain.Cases;

/// <summary>What a member may do on a case, from most to least.</summary>
public enum CaseRole
{
    Owner = 0,
    Advocate = 1,
    Helper = 2,
    Viewer = 3,
}
