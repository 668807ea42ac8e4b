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
        static string Kind(LetterForm f) => f.Kind is { } k ? LetterComposer.HeadingOf(k) : "";
        static string Text(string? value) => (value ?? "").Trim();
        static string YesNo(bool value) => value ? "Yes" : "No";
        static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";

        (string Field, string Label, Func<LetterForm, string> Show)[] fields =
        [
            (nameof(LetterForm.Kind), "Kind of letter", Kind),
            (nameof(LetterForm.SightingIds), "Places it covers", Places),
            (nameof(LetterForm.SenderName), "Name", f => Text(f.SenderName)),
            (nameof(LetterForm.SenderNamePrivate), "Keep the name private", f => YesNo(f.SenderNamePrivate)),
            (nameof(LetterForm.SenderEmail), "Email", f => Text(f.SenderEmail)),
            (nameof(LetterForm.SenderEmailPrivate), "Keep the email private", f => YesNo(f.SenderEmailPrivate)),
            (nameof(LetterForm.SenderPostalAddress), "Postal address", f => Text(f.SenderPostalAddress)),
            (nameof(LetterForm.SenderPostalAddressPrivate), "Keep the postal address private", f => YesNo(f.SenderPostalAddressPrivate)),
            (nameof(LetterForm.SenderPhone), "Phone", f => Text(f.SenderPhone)),
            (nameof(LetterForm.SenderPhonePrivate), "Keep the phone private", f => YesNo(f.SenderPhonePrivate)),
            (nameof(LetterForm.SenderActsForPersonShown), "Writing for the person shown", f => YesNo(f.SenderActsForPersonShown)),
            (nameof(LetterForm.Reasons), "Anything added", f => Text(f.Reasons)),
            (nameof(LetterForm.SearchTerms), "Searches that show the results", f => Text(f.SearchTerms)),
            (nameof(LetterForm.CopyrightedWork), "The image, in plain words", f => Text(f.CopyrightedWork)),
            (nameof(LetterForm.CopyrightBasis), "Who took it", f => Basis(f.CopyrightBasis)),
            (nameof(LetterForm.GoodFaithConfirmed), "Good faith confirmed", f => YesNo(f.GoodFaithConfirmed)),
            (nameof(LetterForm.AccuracyConfirmed), "Accuracy confirmed (copyright notice)", f => YesNo(f.AccuracyConfirmed)),
            (nameof(LetterForm.SignatureConfirmed), "Signed with the typed name", f => YesNo(f.SignatureConfirmed)),
            (nameof(LetterForm.LetterDate), "Date of the letter", f => Date(f.LetterDate)),
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
        CopyrightBasis.SenderOwnsCopyright => "I took it, or I own the copyright another way",
        CopyrightBasis.AuthorisedByOwner => "I may act for the person who owns the copyright",
        CopyrightBasis.SenderDoesNotOwnCopyright => "Someone else took it",
        _ => "",
    };
}

/// <summary>One editable field of a letter as typed and as saved, on the "changed while you were editing" page.</summary>
public sealed record FieldComparison(string Field, string Label, string Yours, string Saved, bool Changed);
