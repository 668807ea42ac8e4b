using IncidentResponse.Domain.Data;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>Where a takedown request stands. Stored by name.</summary>
public enum TakedownStatus
{
    /// <summary>Being written; can be edited.</summary>
    Draft,

    /// <summary>The text is fixed (<see cref="TakedownRequest.FinalText"/>) and ready to send.</summary>
    Final,

    /// <summary>Sent to the platform; an answer is due by <see cref="TakedownRequest.DueUtc"/>.</summary>
    Sent,

    /// <summary>The platform answered (see its <see cref="TakedownResponse"/> records).</summary>
    Answered,

    /// <summary>A finalised letter that was never sent and has a newer version.</summary>
    Replaced,
}

/// <summary>How a letter was sent.</summary>
public enum TakedownChannel
{
    Form,
    Email,
    Post,
}

/// <summary>
/// One letter to one platform about chosen sightings of a case: its input while a draft, its exact text once
/// finalised, and when and how it was sent. A finalised letter's text never changes; editing it starts a new version
/// (<see cref="ReplacesId"/>), and a follow-up is its own request (<see cref="FollowsUpId"/>).
/// </summary>
public sealed class TakedownRequest : IVersioned
{
    public const int TextMaxLength = 4000;
    public const int FieldMaxLength = 500;
    public const int ReferenceMaxLength = 200;
    public const int ConfirmationMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public LetterKind Kind { get; set; }

    /// <summary>The <see cref="PlatformDirectory"/> id of the recipient.</summary>
    public string PlatformId { get; set; } = "";

    public List<TakedownRequestSighting> Sightings { get; set; } = [];

    /// <summary>Who the letter is from, each field with its "keep private" mark (an EF complex type: columns <c>SenderName</c>, <c>SenderNamePrivate</c>, …).</summary>
    public SenderIdentity Sender { get; set; } = new();

    public bool SenderActsForPersonShown { get; set; }

    public bool GoodFaithConfirmed { get; set; }

    public bool AccuracyConfirmed { get; set; }

    public bool SignatureConfirmed { get; set; }

    public CopyrightBasis CopyrightBasis { get; set; }

    public string? CopyrightedWork { get; set; }

    public string? Reasons { get; set; }

    /// <summary>Data protection delisting: the searches (usually a name) that show the results, as typed.</summary>
    public string? SearchTerms { get; set; }

    public DateOnly LetterDate { get; set; }

    public TakedownStatus Status { get; set; } = TakedownStatus.Draft;

    /// <summary>The text exactly as finalised; never changed afterwards.</summary>
    public string? FinalText { get; set; }

    public DateTime? FinalisedUtc { get; set; }

    public DateOnly? SentOn { get; set; }

    /// <summary>
    /// When it was sent (submitted through the platform's form, or emailed or posted), as the person recorded it; the
    /// deadline counts from here. Letters recorded before the time was asked for carry the moment they were marked sent
    /// when that was the same day, otherwise midday (UTC) of <see cref="SentOn"/>.
    /// </summary>
    public DateTime? SentUtc { get; set; }

    public TakedownChannel? Channel { get; set; }

    /// <summary>The platform's reference or ticket number, when it gave one.</summary>
    public string? Reference { get; set; }

    /// <summary>
    /// What the platform's confirmation said when the letter was submitted, in the person's words (a copy of the form's
    /// acknowledgement); a screenshot of it is an evidence item linked to this letter.
    /// </summary>
    public string? Confirmation { get; set; }

    /// <summary>When an answer is due (<see cref="TakedownDeadlines"/>), once sent.</summary>
    public DateTime? DueUtc { get; set; }

    /// <summary>The version this one replaces (an edit of a finalised letter).</summary>
    public Guid? ReplacesId { get; set; }

    /// <summary>The sent request this one follows up.</summary>
    public Guid? FollowsUpId { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public uint Version { get; set; }

    public bool IsEditable => Status == TakedownStatus.Draft;

    /// <summary>True when sent and no answer has come by the deadline.</summary>
    public bool IsOverdue(DateTime nowUtc) => Status == TakedownStatus.Sent && DueUtc is { } due && nowUtc > due;

    /// <summary>Fixes the text. Only a draft can be finalised.</summary>
    public void Finalise(string text, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Status != TakedownStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft can be finalised.");
        }

        FinalText = text;
        FinalisedUtc = nowUtc;
        Status = TakedownStatus.Final;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Records the sending at <paramref name="sentUtc"/> (the moment the person submitted it) and sets when an answer is
    /// due, counted from that moment. Only a finalised letter can be sent.
    /// </summary>
    public void MarkSent(DateTime sentUtc, TakedownChannel channel, string? reference, string? confirmation, DateTime nowUtc)
    {
        if (Status != TakedownStatus.Final)
        {
            throw new InvalidOperationException("Only a finalised letter can be marked as sent.");
        }

        if (sentUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The moment sent must be given in UTC.", nameof(sentUtc));
        }

        SentOn = DateOnly.FromDateTime(sentUtc);
        SentUtc = sentUtc;
        Channel = channel;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        Confirmation = string.IsNullOrWhiteSpace(confirmation) ? null : confirmation.Trim();
        DueUtc = TakedownDeadlines.DueBy(Kind, new DateTimeOffset(sentUtc, TimeSpan.Zero)).UtcDateTime;
        Status = TakedownStatus.Sent;
        UpdatedUtc = nowUtc;
    }

    /// <summary>A new draft with the same input: the next version of this letter, or a follow-up to it.</summary>
    public TakedownRequest CopyAsDraft(LetterKind kind, Guid by, DateTime nowUtc, bool followUp)
    {
        var copy = new TakedownRequest
        {
            Id = Guid.NewGuid(),
            CaseId = CaseId,
            Kind = kind,
            PlatformId = PlatformId,
            Sender = Sender,
            SenderActsForPersonShown = SenderActsForPersonShown,
            GoodFaithConfirmed = GoodFaithConfirmed,
            AccuracyConfirmed = AccuracyConfirmed,
            SignatureConfirmed = SignatureConfirmed,
            CopyrightBasis = CopyrightBasis,
            CopyrightedWork = CopyrightedWork,
            Reasons = Reasons,
            SearchTerms = SearchTerms,
            LetterDate = DateOnly.FromDateTime(nowUtc),
            ReplacesId = followUp ? null : Id,
            FollowsUpId = followUp ? Id : null,
            CreatedBy = by,
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
        };
        copy.Sightings = Sightings.Select(s => new TakedownRequestSighting { RequestId = copy.Id, SightingId = s.SightingId }).ToList();
        return copy;
    }
}

/// <summary>A sighting a request covers.</summary>
public sealed class TakedownRequestSighting
{
    public Guid RequestId { get; set; }

    public Guid SightingId { get; set; }
}
