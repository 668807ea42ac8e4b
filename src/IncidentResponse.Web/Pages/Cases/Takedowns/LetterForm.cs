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

    public static LetterForm From(TakedownRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new LetterForm
        {
            Kind = request.Kind,
            SightingIds = request.Sightings.Select(s => s.SightingId).ToList(),
            SenderName = request.SenderName,
            SenderNamePrivate = request.SenderNamePrivate,
            SenderEmail = request.SenderEmail,
            SenderEmailPrivate = request.SenderEmailPrivate,
            SenderPostalAddress = request.SenderPostalAddress,
            SenderPostalAddressPrivate = request.SenderPostalAddressPrivate,
            SenderPhone = request.SenderPhone,
            SenderPhonePrivate = request.SenderPhonePrivate,
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
    }

    /// <summary>
    /// This form as a helper or viewer may see it: each sender detail marked "keep private" has its value left out (its
    /// mark stays, so the page can say it is kept private). Only the owner and an advocate see those values.
    /// </summary>
    public LetterForm WithoutPrivateSenderDetails()
    {
        var copy = (LetterForm)MemberwiseClone();
        copy.SightingIds = [.. SightingIds];
        copy.SenderName = SenderNamePrivate ? null : SenderName;
        copy.SenderEmail = SenderEmailPrivate ? null : SenderEmail;
        copy.SenderPostalAddress = SenderPostalAddressPrivate ? null : SenderPostalAddress;
        copy.SenderPhone = SenderPhonePrivate ? null : SenderPhone;
        return copy;
    }

    /// <summary>
    /// For a helper saving a draft they were never shown the private sender details of: each detail the saved letter
    /// keeps private stays exactly as saved (value and mark), whatever was posted for it.
    /// </summary>
    public void KeepPrivateSenderDetailsOf(TakedownRequest saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        (SenderName, SenderNamePrivate) = saved.SenderNamePrivate ? (saved.SenderName, true) : (SenderName, SenderNamePrivate);
        (SenderEmail, SenderEmailPrivate) = saved.SenderEmailPrivate ? (saved.SenderEmail, true) : (SenderEmail, SenderEmailPrivate);
        (SenderPostalAddress, SenderPostalAddressPrivate) = saved.SenderPostalAddressPrivate
            ? (saved.SenderPostalAddress, true) : (SenderPostalAddress, SenderPostalAddressPrivate);
        (SenderPhone, SenderPhonePrivate) = saved.SenderPhonePrivate ? (saved.SenderPhone, true) : (SenderPhone, SenderPhonePrivate);
    }

    /// <summary>Copies what was typed onto a draft; <paramref name="sightingIds"/> are the ones checked to be in the case.</summary>
    public void ApplyTo(TakedownRequest request, IReadOnlyCollection<Guid> sightingIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sightingIds);
        request.Kind = Kind!.Value;
        request.SenderName = Clean(SenderName);
        request.SenderNamePrivate = SenderNamePrivate;
        request.SenderEmail = Clean(SenderEmail);
        request.SenderEmailPrivate = SenderEmailPrivate;
        request.SenderPostalAddress = Clean(SenderPostalAddress);
        request.SenderPostalAddressPrivate = SenderPostalAddressPrivate;
        request.SenderPhone = Clean(SenderPhone);
        request.SenderPhonePrivate = SenderPhonePrivate;
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

    /// <summary>
    /// Every field a person can edit, side by side: <paramref name="yours"/> (as typed) and <paramref name="saved"/>
    /// (as it is saved now), each marked when they differ. Places are shown by their address.
    /// </summary>
    public static IReadOnlyList<FieldComparison> Compare(LetterForm yours, LetterForm saved, IReadOnlyList<SightingChoice> sightings)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(sightings);
        string Places(LetterForm f) => string.Join("\n", sightings.Where(s => f.SightingIds.Contains(s.Id)).Select(s => s.Url).Order(StringComparer.Ordinal));
        static string Kind(LetterForm f) => f.Kind is { } k ? LetterComposer.HeadingOf(k) : "";
        static string Text(string? value) => (value ?? "").Trim();
        static string YesNo(bool value) => value ? "Yes" : "No";
        static string Basis(CopyrightBasis basis) => basis switch
        {
            CopyrightBasis.SenderOwnsCopyright => "I took it, or I own the copyright another way",
            CopyrightBasis.AuthorisedByOwner => "I may act for the person who owns the copyright",
            CopyrightBasis.SenderDoesNotOwnCopyright => "Someone else took it",
            _ => "",
        };
        static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";

        (string Field, string Label, Func<LetterForm, string> Show)[] fields =
        [
            (nameof(Kind), "Kind of letter", Kind),
            (nameof(SightingIds), "Places it covers", Places),
            (nameof(SenderName), "Name", f => Text(f.SenderName)),
            (nameof(SenderNamePrivate), "Keep the name private", f => YesNo(f.SenderNamePrivate)),
            (nameof(SenderEmail), "Email", f => Text(f.SenderEmail)),
            (nameof(SenderEmailPrivate), "Keep the email private", f => YesNo(f.SenderEmailPrivate)),
            (nameof(SenderPostalAddress), "Postal address", f => Text(f.SenderPostalAddress)),
            (nameof(SenderPostalAddressPrivate), "Keep the postal address private", f => YesNo(f.SenderPostalAddressPrivate)),
            (nameof(SenderPhone), "Phone", f => Text(f.SenderPhone)),
            (nameof(SenderPhonePrivate), "Keep the phone private", f => YesNo(f.SenderPhonePrivate)),
            (nameof(SenderActsForPersonShown), "Writing for the person shown", f => YesNo(f.SenderActsForPersonShown)),
            (nameof(Reasons), "Anything added", f => Text(f.Reasons)),
            (nameof(SearchTerms), "Searches that show the results", f => Text(f.SearchTerms)),
            (nameof(CopyrightedWork), "The image, in plain words", f => Text(f.CopyrightedWork)),
            (nameof(CopyrightBasis), "Who took it", f => Basis(f.CopyrightBasis)),
            (nameof(GoodFaithConfirmed), "Good faith confirmed", f => YesNo(f.GoodFaithConfirmed)),
            (nameof(AccuracyConfirmed), "Accuracy confirmed (copyright notice)", f => YesNo(f.AccuracyConfirmed)),
            (nameof(SignatureConfirmed), "Signed with the typed name", f => YesNo(f.SignatureConfirmed)),
            (nameof(LetterDate), "Date of the letter", f => Date(f.LetterDate)),
        ];
        return fields.Select(f =>
        {
            var (mine, theirs) = (f.Show(yours), f.Show(saved));
            return new FieldComparison(f.Field, f.Label, mine, theirs, !string.Equals(mine, theirs, StringComparison.Ordinal));
        }).ToList();
    }

    /// <summary>The message when a kind of letter the platform does not take was sent anyway.</summary>
    public static string KindNotOffered(LetterKind kind, PlatformEntry platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return kind == LetterKind.DataProtectionDelisting && platform.Offers(kind)
            ? $"A {LetterComposer.TitleOf(kind)} relies on the GDPR or the UK GDPR, for people living in the EU, the EEA or the UK. If that is where you live, set it in the case's details first. Otherwise please choose one of the letters listed."
            : $"A {LetterComposer.TitleOf(kind)} is not one of the letters for {platform.Name}. Please choose one of the letters listed.";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class Validator : AbstractValidator<LetterForm>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotNull().WithMessage("Please choose which kind of letter to write.").IsInEnum();
            RuleFor(x => x.CopyrightBasis).IsInEnum();
            foreach (var field in new System.Linq.Expressions.Expression<Func<LetterForm, string?>>[]
                     { x => x.SenderName, x => x.SenderEmail, x => x.SenderPostalAddress, x => x.SenderPhone, x => x.CopyrightedWork, x => x.SearchTerms })
            {
                RuleFor(field).MaximumLength(TakedownRequest.FieldMaxLength)
                    .WithMessage($"Please keep this to {TakedownRequest.FieldMaxLength} characters or fewer.");
            }

            RuleFor(x => x.Reasons).MaximumLength(TakedownRequest.TextMaxLength)
                .WithMessage($"Please keep this to {TakedownRequest.TextMaxLength} characters or fewer.");
        }
    }
}

/// <summary>One editable field of a letter as typed and as saved, on the "changed while you were editing" page.</summary>
public sealed record FieldComparison(string Field, string Label, string Yours, string Saved, bool Changed);

/// <summary>A sighting offered as a checkbox.</summary>
public sealed record SightingChoice(Guid Id, string Url, string Platform, string Status);

/// <summary>What the shared letter fields need to show.</summary>
/// <param name="KeepKind">A kind to show even if the platform does not offer it: the kind a draft already has.</param>
/// <param name="PrivateSenderHidden">For a helper: a sender detail marked private is shown only as "kept private".</param>
/// <param name="JurisdictionCode">Where the person lives: a data protection delisting request is offered only in the EU, EEA or UK.</param>
/// <param name="ChosenKindOnly">A new letter's screens: only the fields the chosen kind (<see cref="LetterForm.Kind"/>) prints.</param>
public sealed record LetterFieldsView(
    LetterForm Form, IReadOnlyList<SightingChoice> Sightings, PlatformEntry Platform, string JurisdictionCode, LetterKind? KeepKind = null,
    bool PrivateSenderHidden = false, bool MayShowSomeoneUnderEighteen = false, bool ChosenKindOnly = false)
{
    /// <summary>Whether a DSA notice may be sent without name and email here (Article 16(2)(c)), so the form says so.</summary>
    public bool DsaIdentityOptional => MayShowSomeoneUnderEighteen
        && (ChosenKindOnly ? Form.Kind == LetterKind.DsaNotice : Kinds.Contains(LetterKind.DsaNotice));

    /// <summary>The kinds to offer, in the platform's order, with the draft's own kind kept.</summary>
    public IReadOnlyList<LetterKind> Kinds =>
        (Platform.LetterKinds ?? []).Where(k => k != LetterKind.FollowUp && Platform.OffersIn(k, JurisdictionCode))
            .Concat(KeepKind is { } keep && keep != LetterKind.FollowUp && !Platform.OffersIn(keep, JurisdictionCode) ? [keep] : [])
            .ToList();
}
