namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// One signed-in browser. The cookie carries only this session's id; the server decides whether the session is still
/// alive, so "sign out" and "sign out everywhere" take effect on the very next request.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>A coarse description such as "Chrome on Android": enough to recognise a device, no more.</summary>
    public string DeviceDescription { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    /// <summary>
    /// When the person last re-entered their passphrase in this session (step-up), for sensitive actions such as
    /// downloading everything; null until they do.
    /// </summary>
    public DateTime? StepUpUtc { get; set; }

    /// <summary>The name of the passkey this session signed in with; null when it signed in with the passphrase.</summary>
    public string? PasskeyName { get; set; }

    public bool IsAlive(DateTime nowUtc, TimeSpan idleTimeout, TimeSpan absoluteTimeout) =>
        EndedUtc is null
        && nowUtc - LastSeenUtc < idleTimeout
        && nowUtc - CreatedUtc < absoluteTimeout;
}
