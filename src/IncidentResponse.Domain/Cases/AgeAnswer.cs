namespace IncidentResponse.Domain.Cases;

/// <summary>
/// An answer to one of the two age questions a case asks ("Are you under 18?" and "Were any of the images made when
/// someone in them was under 18?"). Unanswered is null, and counts like <see cref="NotSure"/>.
/// </summary>
public enum AgeAnswer
{
    Yes = 0,
    No = 1,
    NotSure = 2,
}
