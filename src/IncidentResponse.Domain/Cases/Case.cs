using IncidentResponse.Domain.Data;

namespace IncidentResponse.Domain.Cases;

/// <summary>One person's response to one situation. Its title is chosen by the survivor and should look neutral.</summary>
public sealed class Case : IVersioned
{
    public const int TitleMaxLength = 80;

    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public uint Version { get; set; }

    public List<CaseMember> Members { get; set; } = [];

    /// <summary>A new case, owned by the person who opened it.</summary>
    public static Case Open(string title, Guid ownerId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var id = Guid.NewGuid();
        return new Case
        {
            Id = id,
            Title = title.Trim(),
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
            Members = [new CaseMember { CaseId = id, UserId = ownerId, Role = CaseRole.Owner, JoinedUtc = nowUtc }],
        };
    }
}
