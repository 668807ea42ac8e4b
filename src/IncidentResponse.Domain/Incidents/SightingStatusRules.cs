using System.Resources;

namespace IncidentResponse.Domain.Incidents;

/// <summary>
/// Which takedown steps may follow which. Nothing goes back to <see cref="SightingStatus.Found"/> (that is where a
/// sighting starts); a status never "changes" to itself. Content can vanish on its own, so
/// <see cref="SightingStatus.Removed"/> is reachable from every open status; only removed content can reappear; a
/// refusal can be appealed (reported or requested again) or overtaken by removal; reappeared content starts the
/// takedown over.
/// </summary>
public static class SightingStatusRules
{
    private static readonly Dictionary<SightingStatus, SightingStatus[]> Allowed = new()
    {
        [SightingStatus.Found] = [SightingStatus.Saved, SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Removed],
        [SightingStatus.Saved] = [SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Removed],
        [SightingStatus.Reported] = [SightingStatus.RemovalRequested, SightingStatus.Removed, SightingStatus.Refused],
        [SightingStatus.RemovalRequested] = [SightingStatus.Reported, SightingStatus.Removed, SightingStatus.Refused],
        [SightingStatus.Removed] = [SightingStatus.Reappeared],
        [SightingStatus.Refused] = [SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Removed],
        [SightingStatus.Reappeared] = [SightingStatus.Saved, SightingStatus.Reported, SightingStatus.RemovalRequested, SightingStatus.Removed],
    };

    public static bool CanMove(SightingStatus from, SightingStatus to) =>
        Allowed.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<SightingStatus> NextFrom(SightingStatus from) =>
        Allowed.TryGetValue(from, out var next) ? next : [];

    public static bool IsOpen(SightingStatus status) => status is not SightingStatus.Removed;

    private static readonly ResourceManager Resources = new(typeof(SightingStatusRules));

    /// <summary><see cref="DisplayName"/> as the person reads it on a page, in the request's language (documents keep the English).</summary>
    public static string DisplayNameShown(SightingStatus status) =>
        Enum.IsDefined(status) ? Localized.Text(Resources, "Status." + status) : DisplayName(status);

    public static string DisplayName(SightingStatus status) => status switch
    {
        SightingStatus.Found => "Found",
        SightingStatus.Saved => "Saved as evidence",
        SightingStatus.Reported => "Reported to the platform",
        SightingStatus.RemovalRequested => "Removal requested",
        SightingStatus.Removed => "Removed",
        SightingStatus.Refused => "Removal refused",
        _ => "Back up again",
    };
}
