using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// One letter: its text, what it still needs, and the one next step (finalise, send, log the answer, follow up).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class LetterModel(
    AppDbContext db,
    PlatformDirectory directory,
    DigitalServicesCoordinators coordinators,
    TakedownLetters letters,
    TakedownActions actions,
    SubmissionGuard submissions,
    IValidator<LetterModel.SendInput> sendValidator,
    IValidator<LetterModel.AnswerInput> answerValidator,
    TimeProvider clock,
    LocalTimes times) : CasePageModel
{
    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public SendInput Send { get; set; } = new();

    /// <summary>
    /// The key of the forms that add something (an answer, a follow-up, a new version): posting one twice adds it once
    /// (see <see cref="SubmissionGuard"/>). Finalising and sending need none: they check the letter's state and version.
    /// </summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public TakedownRequest Current { get; private set; } = null!;

    public PlatformEntry Platform { get; private set; } = null!;

    public ComposedLetter Letter { get; private set; } = null!;

    /// <summary>
    /// For a Digital Services Act notice from someone in the EU: the coordinator of their own country, to whom they may
    /// complain if the platform does not act (DSA Article 53). Null otherwise.
    /// </summary>
    public DigitalServicesCoordinator? Coordinator =>
        Current.Kind == LetterKind.DsaNotice ? coordinators.For(Letter.JurisdictionCode) : null;

    /// <summary>The text to show: exactly as finalised, or the draft as it reads now.</summary>
    public string Text => Current.FinalText ?? Letter.Text;

    public IReadOnlyList<TakedownResponse> Answers { get; private set; } = [];

    public bool CanEdit => Membership.Can(CaseOperation.AddEntry);

    public bool CanFinalise => Membership.Can(CaseOperation.FinaliseLetter) && !CoversHiddenPlaces;

    /// <summary>
    /// A draft that also covers places hidden from this advocate: only the owner can finalise it, since the text would
    /// be fixed without what this advocate cannot see, and then withheld from them (ADR 0008). Asked only of someone
    /// who could otherwise finalise it, so nobody else is told that hidden places exist.
    /// </summary>
    public bool CoversHiddenPlaces { get; private set; }

    public bool Overdue => Current.IsOverdue(clock.GetUtcNow().UtcDateTime);

    /// <summary>The ways this letter may be recorded as sent (a TAKE IT DOWN Act request: only the platform's own process).</summary>
    public IReadOnlyList<TakedownChannel> Channels => LetterChannels.Allowed(Current.Kind, Platform);

    /// <summary>Screenshots of the confirmation kept as evidence on this letter, for someone who may see evidence.</summary>
    public IReadOnlyList<(Guid Id, string Label)> ConfirmationScreenshots { get; private set; } = [];

    public bool CanViewEvidence => Membership.Can(CaseOperation.ViewEvidence);

    /// <summary>Why a channel was refused, in the words of the channels this letter may use.</summary>
    public string ChannelsMessage => Channels.Count == 0
        ? TakedownWording.Format("Letter.NoProcess", Platform.Name)
        : TakedownWording.Format("Letter.OnlyBy", TakedownWording.KindTitle(Current.Kind), Platform.Name, string.Join(TakedownWording.Text("Letter.Or"), Channels.Select(Way)));

    private static string Way(TakedownChannel channel) => TakedownWording.Text(channel switch
    {
        TakedownChannel.Form => "Way.Form",
        TakedownChannel.Email => "Way.Email",
        _ => "Way.Post",
    });

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Send.SentOn = DateOnly.FromDateTime(now);
        Send.SentAt = new TimeOnly(now.Hour, now.Minute);
        Answer.ReceivedOn = Send.SentOn;
        SubmissionId = SubmissionGuard.NewKey();
        return Page();
    }

    [CaseOperationRequired(CaseOperation.FinaliseLetter)]
    public async Task<IActionResult> OnPostFinaliseAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        if (Current.Status != TakedownStatus.Draft || Current.Version != Version || CoversHiddenPlaces)
        {
            return Redirect(Here);
        }

        if (!Letter.Check.CanFinalise)
        {
            ModelState.AddModelError("Finalise", TakedownWording.Text("Letter.StillNeeds"));
            return Page();
        }

        if (await TrackedAsync(requestId, cancellationToken) is not { } request)
        {
            return Redirect(Here);
        }

        await actions.FinaliseAsync(request, Letter.Text, User.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    [CaseOperationRequired(CaseOperation.FinaliseLetter)]
    public async Task<IActionResult> OnPostSendAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        if (Current.Status != TakedownStatus.Final || Current.Version != Version)
        {
            return Redirect(Here);
        }

        var validation = await sendValidator.ValidateAsync(Send, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "Send");
            return Page();
        }

        var sentUtc = Send.SentOn!.Value.ToDateTime(Send.SentAt!.Value, DateTimeKind.Utc);
        if (sentUtc == now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)))
        {
            // The minute now (the time the form is filled in with): it was sent just now, so it is placed at this moment,
            // after what was done earlier in the same minute.
            sentUtc = now;
        }

        if (sentUtc > now)
        {
            ModelState.AddModelError(Send.SentOn > DateOnly.FromDateTime(now) ? "Send.SentOn" : "Send.SentAt",
                TakedownWording.Text("Letter.Future"));
            return Page();
        }

        if (!LetterChannels.Allows(Current.Kind, Platform, Send.Channel!.Value))
        {
            ModelState.AddModelError("Send.Channel", ChannelsMessage);
            return Page();
        }

        if (await TrackedAsync(requestId, cancellationToken) is not { } request)
        {
            return Redirect(Here);
        }

        await actions.SendAsync(request, Platform, sentUtc, Send.Channel!.Value, Send.Reference, Send.Confirmation, User.UserId(), now, cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    [CaseOperationRequired(CaseOperation.AddEntry)]
    public async Task<IActionResult> OnPostAnswerAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await submissions.AlreadyDoneAsync(SubmissionId, cancellationToken) is { } done)
        {
            return Redirect(done);
        }

        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        if (Current.Status is not (TakedownStatus.Sent or TakedownStatus.Answered))
        {
            return Redirect(Here);
        }

        var validation = await answerValidator.ValidateAsync(Answer, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "Answer");
            return Page();
        }

        if (await TrackedAsync(requestId, cancellationToken) is not { } request)
        {
            return Redirect(Here);
        }

        await actions.LogAnswerAsync(request, Platform, Answer.ReceivedOn!.Value, Answer.Outcome!.Value, Answer.Reason, Answer.Note, User.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        submissions.Record(SubmissionId, CaseId, Here);
        return await SaveAsync(cancellationToken);
    }

    [CaseOperationRequired(CaseOperation.AddEntry)]
    public async Task<IActionResult> OnPostFollowUpAsync(Guid requestId, CancellationToken cancellationToken) =>
        await CopyAsync(requestId, followUp: true, cancellationToken);

    [CaseOperationRequired(CaseOperation.AddEntry)]
    public async Task<IActionResult> OnPostReviseAsync(Guid requestId, CancellationToken cancellationToken) =>
        await CopyAsync(requestId, followUp: false, cancellationToken);

    /// <summary>A new draft from this letter: a follow-up to a sent one, or the next version of a finalised one.</summary>
    private async Task<IActionResult> CopyAsync(Guid requestId, bool followUp, CancellationToken cancellationToken)
    {
        if (await submissions.AlreadyDoneAsync(SubmissionId, cancellationToken) is { } done)
        {
            return Redirect(done);
        }

        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        var allowed = followUp
            ? Current.Status is TakedownStatus.Sent or TakedownStatus.Answered
            : Current.Status is TakedownStatus.Final or TakedownStatus.Sent or TakedownStatus.Answered;
        if (!allowed)
        {
            return Redirect(Here);
        }

        if (await TrackedAsync(requestId, cancellationToken) is not { } request)
        {
            return Redirect(Here);
        }

        var copy = await actions.CopyAsDraftAsync(request, followUp, User.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        var location = followUp ? $"/cases/{CaseId}/takedowns/{copy.Id}" : $"/cases/{CaseId}/takedowns/{copy.Id}/edit";
        submissions.Record(SubmissionId, CaseId, location);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(location);
    }

    private string Here => $"/cases/{CaseId}/takedowns/{Current.Id}";

    private async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed this letter between our read and our write: show it as it is now.
        }
        catch (DbUpdateException exception) when (!DatabaseFaults.IsUnavailable(exception) && submissions.Pending is null)
        {
            // The same step saved at the same moment by another post (a double click): its history event took the
            // number this one wanted, so nothing of this one was saved. Show the letter as it is now.
        }

        return Redirect(Here);
    }

    /// <summary>
    /// The letter to change, tracked; null when it changed after this request read it (the other half of a double
    /// post saved in between): its status may no longer allow the step, so the caller shows the letter as it is now.
    /// </summary>
    private async Task<TakedownRequest?> TrackedAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.Include(r => r.Sightings)
            .SingleAsync(r => r.CaseId == CaseId && r.Id == requestId, cancellationToken);
        if (request.Version != Current.Version)
        {
            return null;
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = Current.Version;
        return request;
    }

    private async Task<bool> LoadAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings)
            .SingleOrDefaultAsync(r => r.CaseId == CaseId && r.Id == requestId, cancellationToken);
        if (request is null || (request.FinalText is not null && await WithheldLetters.IsWithheldAsync(db, CaseId, requestId, cancellationToken)))
        {
            return false;
        }

        Current = request;
        Platform = directory.Get(request.PlatformId);
        CoversHiddenPlaces = request.IsEditable && Membership.Can(CaseOperation.FinaliseLetter)
            && await WithheldLetters.CoversHiddenPlacesAsync(db, CaseId, requestId, cancellationToken);
        Letter = await letters.ComposeAsync(request, cancellationToken);
        if (Membership.Can(CaseOperation.ViewEvidence))
        {
            var screenshots = await db.EvidenceItems.AsNoTracking()
                .Where(e => e.CaseId == CaseId && e.TakedownRequestId == requestId)
                .OrderBy(e => e.ReceivedUtc)
                .Select(e => new { e.Id, e.ReceivedUtc })
                .ToListAsync(cancellationToken);
            ConfirmationScreenshots = screenshots
                .Select(e => (e.Id, TakedownWording.Format("Letter.Added", times.Moment(e.ReceivedUtc))))
                .ToList();
        }

        Answers = await db.TakedownResponses.AsNoTracking()
            .Where(r => r.CaseId == CaseId && r.RequestId == requestId)
            .OrderByDescending(r => r.RecordedUtc)
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed class SendInput
    {
        public DateOnly? SentOn { get; set; }

        /// <summary>The time (UTC) it was submitted; the answer's deadline counts from this moment.</summary>
        public TimeOnly? SentAt { get; set; }

        public TakedownChannel? Channel { get; set; }

        public string? Reference { get; set; }

        /// <summary>What the confirmation said, in words (optional).</summary>
        public string? Confirmation { get; set; }
    }

    public sealed class SendInputValidator : AbstractValidator<SendInput>
    {
        public SendInputValidator()
        {
            RuleFor(x => x.SentOn).NotNull().WithMessage(_ => TakedownWording.Text("Send.SentOnMissing"));
            RuleFor(x => x.SentAt).NotNull().WithMessage(_ => TakedownWording.Text("Send.SentAtMissing"));
            RuleFor(x => x.Channel).NotNull().WithMessage(_ => TakedownWording.Text("Send.ChannelMissing")).IsInEnum();
            RuleFor(x => x.Reference).MaximumLength(TakedownRequest.ReferenceMaxLength)
                .WithMessage(_ => TakedownWording.Format("Send.ReferenceTooLong", TakedownRequest.ReferenceMaxLength));
            RuleFor(x => x.Confirmation).MaximumLength(TakedownRequest.ConfirmationMaxLength)
                .WithMessage(_ => TakedownWording.Format("Send.ConfirmationTooLong", TakedownRequest.ConfirmationMaxLength));
        }
    }

    public sealed class AnswerInput
    {
        public DateOnly? ReceivedOn { get; set; }

        public TakedownOutcome? Outcome { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }
    }

    public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
    {
        public AnswerInputValidator()
        {
            RuleFor(x => x.ReceivedOn).NotNull().WithMessage(_ => TakedownWording.Text("Answer.DateMissing"));
            RuleFor(x => x.Outcome).NotNull().WithMessage(_ => TakedownWording.Text("Answer.OutcomeMissing")).IsInEnum();
            RuleFor(x => x.Reason).MaximumLength(TakedownResponse.NoteMaxLength)
                .WithMessage(_ => TakedownWording.Format("Form.TooLong", TakedownResponse.NoteMaxLength));
            RuleFor(x => x.Note).MaximumLength(TakedownResponse.NoteMaxLength)
                .WithMessage(_ => TakedownWording.Format("Answer.NoteTooLong", TakedownResponse.NoteMaxLength));
        }
    }
}
