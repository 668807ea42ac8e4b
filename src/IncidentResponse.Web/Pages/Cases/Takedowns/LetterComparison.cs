using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A letter as typed beside the letter as saved, for the "changed while you were editing" page.</summary>
public static class LetterComparison
{
    /// <summary>
    /// Every field a person can edit, side by side: <paramref name="yours"/> (as typed) and <paramref name="saved"/>
    /// (as it is saved now), each marked when they differ. Places are shown by their address.
    /// </summary>
    public static IReadOnlyList<FieldComparison> Of(LetterForm yours, LetterForm saved, IReadOnlyList<SightingChoice> sightings)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(sightings);
        string Places(LetterForm f) => string.Join("\n", sightings.Where(s => f.SightingIds.Contains(s.Id)).Select(s => s.Url).Order(StringComparer.Ordinal));
        static string Kind(LetterForm f) => f.Kind is { } k ? TakedownWording.KindHeading(k) : "";
        static string Text(string? value) => (value ?? "").Trim();
        static string YesNo(bool value) => TakedownWording.Text(value ? "Compare.Yes" : "Compare.No");
        static string Date(DateOnly? date) => date is { } d ? TakedownWording.Format("Common.Date", d) : "";

        (string Field, string Label, Func<LetterForm, string> Show)[] fields =
        [
            (nameof(LetterForm.Kind), TakedownWording.Text("Compare.Kind"), Kind),
            (nameof(LetterForm.SightingIds), TakedownWording.Text("Compare.Places"), Places),
            (nameof(LetterForm.SenderName), TakedownWording.Text("Sender.Name"), f => Text(f.SenderName)),
            (nameof(LetterForm.SenderNamePrivate), TakedownWording.Text("Compare.NamePrivate"), f => YesNo(f.SenderNamePrivate)),
            (nameof(LetterForm.SenderEmail), TakedownWording.Text("Sender.Email"), f => Text(f.SenderEmail)),
            (nameof(LetterForm.SenderEmailPrivate), TakedownWording.Text("Compare.EmailPrivate"), f => YesNo(f.SenderEmailPrivate)),
            (nameof(LetterForm.SenderPostalAddress), TakedownWording.Text("Sender.PostalAddress"), f => Text(f.SenderPostalAddress)),
            (nameof(LetterForm.SenderPostalAddressPrivate), TakedownWording.Text("Compare.PostalAddressPrivate"), f => YesNo(f.SenderPostalAddressPrivate)),
            (nameof(LetterForm.SenderPhone), TakedownWording.Text("Sender.Phone"), f => Text(f.SenderPhone)),
            (nameof(LetterForm.SenderPhonePrivate), TakedownWording.Text("Compare.PhonePrivate"), f => YesNo(f.SenderPhonePrivate)),
            (nameof(LetterForm.SenderActsForPersonShown), TakedownWording.Text("Compare.ActsForPerson"), f => YesNo(f.SenderActsForPersonShown)),
            (nameof(LetterForm.Reasons), TakedownWording.Text("Compare.Reasons"), f => Text(f.Reasons)),
            (nameof(LetterForm.SearchTerms), TakedownWording.Text("Compare.SearchTerms"), f => Text(f.SearchTerms)),
            (nameof(LetterForm.CopyrightedWork), TakedownWording.Text("Statements.Work"), f => Text(f.CopyrightedWork)),
            (nameof(LetterForm.CopyrightBasis), TakedownWording.Text("Compare.Basis"), f => Basis(f.CopyrightBasis)),
            (nameof(LetterForm.GoodFaithConfirmed), TakedownWording.Text("Compare.GoodFaith"), f => YesNo(f.GoodFaithConfirmed)),
            (nameof(LetterForm.AccuracyConfirmed), TakedownWording.Text("Compare.Accuracy"), f => YesNo(f.AccuracyConfirmed)),
            (nameof(LetterForm.SignatureConfirmed), TakedownWording.Text("Compare.Signature"), f => YesNo(f.SignatureConfirmed)),
            (nameof(LetterForm.LetterDate), TakedownWording.Text("Statements.Date"), f => Date(f.LetterDate)),
        ];
        return fields.Select(f =>
        {
            var (mine, theirs) = (f.Show(yours), f.Show(saved));
            return new FieldComparison(f.Field, f.Label, mine, theirs, !string.Equals(mine, theirs, StringComparison.Ordinal));
        }).ToList();
    }

    /// <summary>The answer to "who took it", in the words the form offers.</summary>
    private static string Basis(CopyrightBasis basis) => basis switch
    {
        CopyrightBasis.SenderOwnsCopyright => TakedownWording.Text("Statements.BasisOwn"),
        CopyrightBasis.AuthorisedByOwner => TakedownWording.Text("Statements.BasisAuthorised"),
        CopyrightBasis.SenderDoesNotOwnCopyright => TakedownWording.Text("Statements.BasisOther"),
        _ => "",
    };
}

/// <summary>One editable field of a letter as typed and as saved, on the "changed while you were editing" page.</summary>
public sealed record FieldComparison(string Field, string Label, string Yours, string Saved, bool Changed);
