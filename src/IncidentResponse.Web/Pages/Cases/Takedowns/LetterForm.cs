using FluentValidation;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// The letter's input as typed, shared by writing a new letter and editing a draft (the same fields, the same rules).
/// </summary>
public sealed class LetterForm
{
    public LetterKind? Kind { get; set; }

    public List<Guid> SightingIds { get; set; } = [];

    public string? SenderName { get; set; }

    public bool SenderNamePrivate { get; set; }

    public string? SenderEmail { get; set; }

    public bool SenderEmailPrivate { get; set; }

    public string? SenderPostalAddress { get; set; }

    public bool SenderPostalAddressPrivate { get; set; }

    public string? SenderPhone { get; set; }

    public bool SenderPhonePrivate { get; set; }

    public bool SenderActsForPersonShown { get; set; }

    public bool GoodFaithConfirmed { get; set; }

    public bool AccuracyConfirmed { get; set; }

    public bool SignatureConfirmed { get; set; }

    public CopyrightBasis CopyrightBasis { get; set; }

    public string? CopyrightedWork { get; set; }

    public string? Reasons { get; set; }

    public string? SearchTerms { get; set; }

    public DateOnly? LetterDate { get; set; }

    public uint Version { get; set; }

    /// <summary>
    /// The sender's details as typed. The form keeps one plain field per value and mark (<c>Input.SenderName</c>,
    /// <c>Input.SenderNamePrivate</c>, …) so the page's fields keep their names; this reads all eight at once. A method,
    /// not a property, so model binding never sees a second way to post them.
    /// </summary>
    public SenderIdentity Sender() => new()
    {
        Name = new IdentityField(SenderName, SenderNamePrivate),
        Email = new IdentityField(SenderEmail, SenderEmailPrivate),
        PostalAddress = new IdentityField(SenderPostalAddress, SenderPostalAddressPrivate),
        Phone = new IdentityField(SenderPhone, SenderPhonePrivate),
    };

    private void SetSender(SenderIdentity sender)
    {
        (SenderName, SenderNamePrivate) = (sender.Name.Value, sender.Name.IsPrivate);
        (SenderEmail, SenderEmailPrivate) = (sender.Email.Value, sender.Email.IsPrivate);
        (SenderPostalAddress, SenderPostalAddressPrivate) = (sender.PostalAddress.Value, sender.PostalAddress.IsPrivate);
        (SenderPhone, SenderPhonePrivate) = (sender.Phone.Value, sender.Phone.IsPrivate);
    }

    public static LetterForm From(TakedownRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new LetterForm
        {
            Kind = request.Kind,
            SightingIds = request.Sightings.Select(s => s.SightingId).ToList(),
            SenderActsForPersonShown = request.SenderActsForPersonShown,
            GoodFaithConfirmed = request.GoodFaithConfirmed,
            AccuracyConfirmed = request.AccuracyConfirmed,
            SignatureConfirmed = request.SignatureConfirmed,
            CopyrightBasis = request.CopyrightBasis,
            CopyrightedWork = request.CopyrightedWork,
            Reasons = request.Reasons,
            SearchTerms = request.SearchTerms,
            LetterDate = request.LetterDate,
            Version = request.Version,
        };
        form.SetSender(request.Sender);
        return form;
    }

    /// <summary>
    /// This form as a helper or viewer may see it: each sender detail marked "keep private" has its value left out (its
    /// mark stays, so the page can say it is kept private). Only the owner and an advocate see those values.
    /// </summary>
    public LetterForm WithoutPrivateSenderDetails()
    {
        var copy = (LetterForm)MemberwiseClone();
        copy.SightingIds = [.. SightingIds];
        copy.SetSender(Sender().WithoutPrivateValues());
        return copy;
    }

    /// <summary>
    /// For a helper saving a draft they were never shown the private sender details of: each detail the saved letter
    /// keeps private stays exactly as saved (value and mark), whatever was posted for it.
    /// </summary>
    public void KeepPrivateSenderDetailsOf(TakedownRequest saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        SetSender(Sender().KeepingPrivateFieldsOf(saved.Sender));
    }

    /// <summary>Copies what was typed onto a draft; <paramref name="sightingIds"/> are the ones checked to be in the case.</summary>
    public void ApplyTo(TakedownRequest request, IReadOnlyCollection<Guid> sightingIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sightingIds);
        request.Kind = Kind!.Value;
        request.Sender = Sender().Each(f => f with { Value = Clean(f.Value) });
        request.SenderActsForPersonShown = SenderActsForPersonShown;
        request.GoodFaithConfirmed = GoodFaithConfirmed;
        request.AccuracyConfirmed = AccuracyConfirmed;
        request.SignatureConfirmed = SignatureConfirmed;
        request.CopyrightBasis = CopyrightBasis;
        request.CopyrightedWork = Clean(CopyrightedWork);
        request.Reasons = Clean(Reasons);
        request.SearchTerms = Clean(SearchTerms);
        request.LetterDate = LetterDate ?? DateOnly.FromDateTime(nowUtc);
        request.UpdatedUtc = nowUtc;
        request.Sightings.RemoveAll(s => !sightingIds.Contains(s.SightingId));
        foreach (var id in sightingIds.Where(id => request.Sightings.All(s => s.SightingId != id)))
        {
            request.Sightings.Add(new TakedownRequestSighting { RequestId = request.Id, SightingId = id });
        }
    }

    /// <summary>The message when a kind of letter the platform does not take was sent anyway.</summary>
    public static string KindNotOffered(LetterKind kind, PlatformEntry platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return kind == LetterKind.DataProtectionDelisting && platform.Offers(kind)
            ? TakedownWording.Format("Form.KindNotForCountry", TakedownWording.KindTitle(kind))
            : TakedownWording.Format("Form.KindNotOffered", TakedownWording.KindTitle(kind), platform.Name);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class Validator : AbstractValidator<LetterForm>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotNull().WithMessage(_ => TakedownWording.Text("Form.KindMissing")).IsInEnum();
            RuleFor(x => x.CopyrightBasis).IsInEnum();
            foreach (var field in new System.Linq.Expressions.Expression<Func<LetterForm, string?>>[]
                     { x => x.SenderName, x => x.SenderEmail, x => x.SenderPostalAddress, x => x.SenderPhone, x => x.CopyrightedWork, x => x.SearchTerms })
            {
                RuleFor(field).MaximumLength(TakedownRequest.FieldMaxLength)
                    .WithMessage(_ => TakedownWording.Format("Form.TooLong", TakedownRequest.FieldMaxLength));
            }

            RuleFor(x => x.Reasons).MaximumLength(TakedownRequest.TextMaxLength)
                .WithMessage(_ => TakedownWording.Format("Form.TooLong", TakedownRequest.TextMaxLength));
        }
    }
}
