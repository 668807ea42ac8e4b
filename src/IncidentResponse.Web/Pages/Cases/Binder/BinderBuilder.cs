using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Security;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Builds a binder's content: reads the case (<see cref="CaseReader"/>, a fixed number of queries whatever its size),
/// checks every evidence file (<see cref="ExhibitCheck"/>) and the case's history, and has
/// <see cref="BinderComposer"/> put the parts the person chose into words. Never aborts on a damaged file: it becomes
/// a problem page.
/// </summary>
public sealed class BinderBuilder(
    CaseReader reader,
    ExhibitCheck check,
    ExhibitPictures pictures,
    AuditTrail audit,
    PlatformDirectory platforms,
    TimeProvider clock,
    LocalTimes times,
    LookAlikes lookAlikes,
    TrustedTimestamper timestamps)
{
    /// <summary>Reads and checks the case and builds the binder's content.</summary>
    public async Task<BinderDocument> BuildDocumentAsync(Guid caseId, BinderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var building = BinderTelemetry.Start("build");
        options = options.Effective();
        var records = await reader.ReadAsync(caseId, cancellationToken);
        var data = new BinderCase(
            new CaseFacts(records.Case.Title, records.Case.CreatedUtc, records.Case.JurisdictionCode),
            // The risk assessment is not this person's to see (ADR 0014): it never reaches the composer.
            options.AssessmentShown ? records.LatestCompletedAssessment : null,
            records.Incidents,
            records.Sightings,
            records.StatusChanges,
            records.Requests,
            records.RequestSightings,
            records.Responses,
            records.Evidence,
            await reader.UserNamesAsync(records.Evidence.Select(i => i.UploadedByUserId), cancellationToken),
            records.AuditEvents);

        var exhibits = await WithLookAlikesAsync(
            caseId, await check.CheckAllAsync(caseId, data.Evidence, data.AuditEvents, options, cancellationToken), cancellationToken);
        var verification = audit.Verify(caseId, data.AuditEvents, records.AuditHead);
        var head = records.LatestEvent;

        // An intact history is stamped by the time-stamping authority, when one is configured (ADR 0033); a broken one is not.
        var stamp = verification.IsIntact ? await timestamps.StampAsync(caseId, [.. data.AuditEvents.Select(e => e.ToEvent())], cancellationToken) : null;
        var document = new BinderComposer(
            data, exhibits, verification, head, options, platforms, clock.GetUtcNow(), pictures.Available, BinderWords.For(times))
        {
            Timestamp = stamp?.Stamp,
            TimestampProblem = stamp?.Problem,
        }.Compose();
        building.Done();
        return new BinderDocument(document, exhibits, verification, head);
    }

    /// <summary>
    /// Each exhibit with the numbers of those that look like it (issue 24): compared only among this binder's own
    /// exhibits (what this member may see), never a withheld one or one with a problem, and only between exhibits shown
    /// alike, so an obscured picture is never described by a shown one.
    /// </summary>
    private async Task<IReadOnlyList<BinderExhibit>> WithLookAlikesAsync(Guid caseId, IReadOnlyList<BinderExhibit> exhibits, CancellationToken cancellationToken)
    {
        var matches = await lookAlikes.AmongAsync(
            caseId,
            [.. exhibits.Where(e => e.Problem is null && e.Redaction != Redaction.Withhold).Select(e => (e.Number, e.Item, e.Redaction))],
            cancellationToken);
        return [.. exhibits.Select(e => matches.TryGetValue(e.Number, out var alike) && alike.Count > 0 ? e with { LooksLike = alike } : e)];
    }
}
