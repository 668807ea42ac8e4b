using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Pages.Cases.Evidence;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// The binder's integrity check, made again every time a binder is made: each evidence file must be the one the case's
/// history recorded when it was received, decrypt to its recorded SHA-256 and, for a picture shown, be readable without
/// its metadata. A file that fails becomes a problem page, never an aborted binder.
/// </summary>
public sealed partial class ExhibitCheck(EvidenceService evidence, ILogger<ExhibitCheck> logger)
{
    /// <summary>Numbers the case's evidence in order and checks each file as the options will show it.</summary>
    public async Task<List<BinderExhibit>> CheckAllAsync(
        Guid caseId, IReadOnlyList<EvidenceItem> items, IReadOnlyList<AuditEventRecord> history, BinderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var exhibits = new List<BinderExhibit>(items.Count);
        var recorded = history
            .Where(e => e.Action == AuditActions.EvidenceAdded)
            .GroupBy(e => e.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var redaction = options.RedactionOf(item.Id, item.Kind);
            var problem = recorded.TryGetValue(item.Id.ToString(), out var added) && item.MatchesAddedEvent(added)
                ? await CheckAsync(item, redaction, cancellationToken)
                : "Its fingerprint is not the one the case's history recorded when the file was received.";
            if (problem is not null)
            {
                LogExhibitProblem(logger, caseId, item.Id);
            }

            exhibits.Add(new BinderExhibit(i + 1, item, redaction, problem));
        }

        return exhibits;
    }

    /// <summary>Checks one file at export time; null when it is exactly what was received (and, for a picture, can be shown without its metadata).</summary>
    private async Task<string?> CheckAsync(EvidenceItem item, Redaction redaction, CancellationToken cancellationToken)
    {
        if (!ExhibitResources.IsPrintable(item.Kind) || redaction == Redaction.Withhold)
        {
            return await evidence.CheckAsync(item, cancellationToken) is { } problem ? Sentence(problem) : null;
        }

        try
        {
            var stripped = await evidence.PreviewAsync(item, cancellationToken);
            if (stripped is null)
            {
                return "The picture could not be read to remove its hidden details (location, device), so it is not shown.";
            }

            System.Security.Cryptography.CryptographicOperations.ZeroMemory(stripped);
            return null;
        }
        catch (EvidenceIntegrityException)
        {
            return await evidence.CheckAsync(item, cancellationToken) is { } problem
                ? Sentence(problem)
                : "The stored file could not be opened.";
        }
        catch (FileNotFoundException)
        {
            return "The stored file is missing.";
        }
    }

    private static string Sentence(string problem) => char.ToUpperInvariant(problem[0]) + problem[1..] + ".";

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Evidence {EvidenceId} of case {CaseId} failed its check while a binder was made")]
    private static partial void LogExhibitProblem(ILogger logger, Guid caseId, Guid evidenceId);
}
