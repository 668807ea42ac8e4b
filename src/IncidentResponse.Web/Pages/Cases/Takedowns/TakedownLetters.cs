using IncidentResponse.Domain;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A request's letter as it reads now: composed from the case while a draft, and its completeness.</summary>
/// <param name="Document">The letter, in English whatever the page speaks (its <see cref="LetterDocument.Guidance"/> too).</param>
/// <param name="Check">What is missing and worth checking, its messages in the page's language.</param>
/// <param name="JurisdictionCode">Where the person lives (the case's country code), as the letter was composed for.</param>
/// <param name="Guidance">The notes shown beside the letter (never part of it), in the page's language.</param>
public sealed record ComposedLetter(LetterDocument Document, LetterCheck Check, string Text, string JurisdictionCode, IReadOnlyList<string> Guidance);

/// <summary>Copies a request and the case's sightings into a <see cref="LetterInput"/> and composes it.</summary>
public sealed class TakedownLetters(AppDbContext db, PlatformDirectory directory, DigitalServicesCoordinators coordinators)
{
    /// <summary>
    /// The words a download carries, loaded through the case already authorized: exactly as finalised, or the draft as
    /// it reads now. Null when the case has no such request, or when it is withheld from the person asking
    /// (<see cref="WithheldLetters"/>). The text and PDF downloads both use this.
    /// </summary>
    public async Task<(TakedownRequest Request, string Text)?> DownloadTextAsync(Guid caseId, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings)
            .SingleOrDefaultAsync(r => r.CaseId == caseId && r.Id == requestId, cancellationToken);
        if (request is null || (request.FinalText is not null && await WithheldLetters.IsWithheldAsync(db, caseId, requestId, cancellationToken)))
        {
            return null;
        }

        return (request, request.FinalText ?? (await ComposeAsync(request, cancellationToken)).Text);
    }

    public async Task<ComposedLetter> ComposeAsync(TakedownRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.Sightings.Select(s => s.SightingId).ToList();
        var sightings = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == request.CaseId && ids.Contains(s.Id))
            .OrderBy(s => s.FirstSeenUtc).ThenBy(s => s.Url)
            .Select(s => new { s.Url, s.Platform, s.FirstSeenUtc, s.IncidentId })
            .ToListAsync(cancellationToken);
        var incidentIds = sightings.Where(s => s.IncidentId != null).Select(s => s.IncidentId!.Value).Distinct().ToList();
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == request.CaseId && incidentIds.Contains(i.Id))
            .Select(i => new { i.OccurredOn, i.Kind, i.AccountHandle })
            .ToListAsync(cancellationToken);
        var caseFacts = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId)
            .Select(c => new { c.JurisdictionCode, c.UnderEighteenRoute, c.MadeUnderEighteen })
            .SingleAsync(cancellationToken);
        var jurisdiction = caseFacts.JurisdictionCode;
        var previous = await PreviousAsync(request, cancellationToken);
        LetterInput input;
        LetterDocument document;
        string text;

        // The letter is written in English whatever language the page speaks (its content too: a coordinator's country).
        using (ContentOverlays.InEnglish())
        {
            input = new LetterInput
            {
                Recipient = directory.Get(request.PlatformId),
                Sightings = sightings.Select(s => new SightingRef(s.Url, s.Platform, DateOnly.FromDateTime(s.FirstSeenUtc))).ToList(),
                Incidents = incidents.Select(i => new IncidentRef(i.OccurredOn, IncidentKinds.DisplayName(i.Kind), i.AccountHandle)).ToList(),
                Sender = request.Sender,
                SenderActsForPersonShown = request.SenderActsForPersonShown,
                JurisdictionCode = jurisdiction,
                LetterDate = request.LetterDate,
                SignatureConfirmed = request.SignatureConfirmed,
                GoodFaithConfirmed = request.GoodFaithConfirmed,
                AccuracyConfirmed = request.AccuracyConfirmed,
                CopyrightBasis = request.CopyrightBasis,
                CopyrightedWork = request.CopyrightedWork,
                Reasons = request.Reasons,
                SearchTerms = request.SearchTerms,
                Previous = previous,
                Coordinator = coordinators.For(jurisdiction),
                MayShowSomeoneUnderEighteen = Case.ImagesMayShowSomeoneUnderEighteen(caseFacts.UnderEighteenRoute, caseFacts.MadeUnderEighteen),
            };
            document = LetterComposer.Compose(request.Kind, input);
            text = document.ToPlainText();
        }

        // The advice around it speaks the page's language: what is missing, and the notes (the recipient's warnings too).
        var shown = input with { Recipient = directory.Get(request.PlatformId) };
        return new ComposedLetter(document, LetterCompleteness.Check(request.Kind, shown), text, jurisdiction, LetterGuidance.For(request.Kind, shown));
    }

    private async Task<PreviousRequest?> PreviousAsync(TakedownRequest request, CancellationToken cancellationToken)
    {
        if (request.FollowsUpId is not { } previousId)
        {
            return null;
        }

        // A follow-up read by someone from whom the first letter is withheld (ADR 0008) says nothing of that letter:
        // its date, kind and the platform's reference are the withheld letter's own.
        if (await WithheldLetters.IsWithheldAsync(db, request.CaseId, previousId, cancellationToken))
        {
            return null;
        }

        var previous = await db.TakedownRequests.AsNoTracking()
            .Where(r => r.CaseId == request.CaseId && r.Id == previousId)
            .Select(r => new { r.Kind, r.SentOn, r.SentUtc, r.Reference })
            .SingleOrDefaultAsync(cancellationToken);
        if (previous?.SentOn is not { } sentOn)
        {
            return null;
        }

        var refused = await db.TakedownResponses.AsNoTracking()
            .Where(r => r.CaseId == request.CaseId && r.RequestId == previousId)
            .OrderByDescending(r => r.RecordedUtc)
            .Select(r => (TakedownOutcome?)r.Outcome)
            .FirstOrDefaultAsync(cancellationToken) == TakedownOutcome.Refused;
        return new PreviousRequest(previous.Kind, sentOn, previous.Reference,
            refused ? FollowUpReason.Refused : FollowUpReason.NoAnswerByDeadline,
            LetterComposer.StatedDeadline(previous.Kind, previous.SentUtc));
    }

    /// <summary>A status in English, for the binder (a page shows <see cref="TakedownWording.Status"/>).</summary>
    public static string StatusText(TakedownStatus status) => status switch
    {
        TakedownStatus.Draft => "Draft",
        TakedownStatus.Final => "Ready to send",
        TakedownStatus.Sent => "Sent, waiting for an answer",
        TakedownStatus.Answered => "Answered",
        _ => "Replaced by a newer version",
    };
}
