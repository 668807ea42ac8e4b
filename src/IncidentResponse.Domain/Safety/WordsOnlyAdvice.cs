using System.Resources;
using System.Text.RegularExpressions;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// The plan's advice for a words-only case (<see cref="Cases.Case.WordsOnly"/>): someone under 18, images made when
/// someone in them was under 18, or a person who has not said. Saving, screenshotting, downloading or uploading a
/// sexual image of someone under 18 is itself an offence in our countries, even for the young person shown, so no
/// step may say to do any of it: each step that would is given words-only text here instead.
/// </summary>
public static partial class WordsOnlyAdvice
{
    /// <summary>The one instruction every words-only place gives about evidence.</summary>
    public const string RecordInWords =
        "Record links, usernames, dates and what you saw, in words — don't copy, save or screenshot the image.";

    public const string WhyRoutesShown =
        "Shown because you said you are under 18 or that the images may have been made when someone in them was under "
        + "18, or because you haven't answered those questions yet.";

    private static readonly Dictionary<string, (string? Title, string Body)> Replacements = new(StringComparer.Ordinal)
    {
        [SafetyStepCatalog.SextortionResponse] = (
            "If you are being asked to pay or send more: don't pay, stop replying, tell someone",
            "You have done nothing wrong, and you are not in trouble: what the person is doing is a crime. Stop replying, "
            + "and don't pay or send anything more: paying rarely makes it stop, and often leads to more demands. Before "
            + "you block the account, write down its username, the link to its profile page and what they said and asked "
            + "for, in words only. " + RecordInWords + " Then report the account to the platform it contacted you on; the "
            + "takedowns page lists each platform's own way to report. Tell someone you trust, and report it to the "
            + "services for young people where you are: {UnderEighteenExtortionRoutes}. If you are 18 or over now, you "
            + "can also report it to: {ExtortionRoutes}. If you are in danger right now, call {EmergencyNumber}.\n\n"
            + "If the images were made when you were under 18, Take It Down, from the US National Center for Missing & "
            + "Exploited Children (NCMEC), can help stop them being shared. It makes a digital fingerprint (a hash) on "
            + "your own device: the images are never sent, and only the fingerprint is shared. It works only on the "
            + "platforms that take part, not everywhere."),
        [SafetyStepCatalog.SaveEvidence] = (
            "Write down what happened before anything is deleted",
            "Before you report, delete or block anything: " + RecordInWords + " For each place, note the web address, "
            + "the site, the account that posted it, the date and time you saw it, and a few words about what it "
            + "showed. Your record in this app is a good place for these notes.\n\n"
            + "Keeping a copy of a sexual image of someone under 18 can itself be against the law, even when it is of "
            + "you, so leave the image where it is: the services in this plan can have it removed without anyone "
            + "keeping a copy. If writing this down is too much, a helpline can help you."),
        [SafetyStepCatalog.FindPosts] = (
            "Find where the images have been posted, without using the image",
            "Don't search with the image itself. Search for your name and usernames instead, and for each post you find: "
            + RecordInWords + " Note the web address, the site, the date you found it and the account that posted it. "
            + "Take It Down makes a digital fingerprint of an image on your own device, without the image being sent "
            + "anywhere, so that the sites taking part can find and remove copies. If searching is upsetting, a "
            + "helpline can help."),
        [SafetyStepCatalog.EvidenceBinder] = (
            null,
            "Gather your log, your written notes of links, usernames and dates, and your reports in one place, in date "
            + "order, with a short summary at the front. Keep it to words and leave the images out. A tidy binder means "
            + "you do not have to tell the whole story again each time you ask for help."),
        [SafetyStepCatalog.MonitorNewPosts] = (
            null,
            "Set up search alerts for your name and usernames. Don't search with the image itself: the sites taking part "
            + "in Take It Down look for new copies for you. If watching is hard for you, a trusted person can search "
            + "for you and tell you only what you need to know."),
        [SafetyStepCatalog.KeepTakedownConfirmations] = (null, SafetyStepCatalog.KeepTakedownConfirmationsInWords),
        [SafetyStepCatalog.ManageCommunication] = (
            null,
            "You do not have to read or answer what the person sends. An ally can check messages for you; email filters "
            + "can move their messages into a folder; and you can block them on social media and on your phone. Before "
            + "you block: " + RecordInWords),
    };

    private static readonly ResourceManager Resources = new(typeof(WordsOnlyAdvice));

    /// <summary><see cref="RecordInWords"/> as the person reads it, in the request's language.</summary>
    public static string RecordInWordsShown => Localized.Text(Resources, nameof(RecordInWords));

    /// <summary><see cref="WhyRoutesShown"/> in the request's language.</summary>
    public static string WhyRoutesShownText => Localized.Text(Resources, nameof(WhyRoutesShown));

    /// <summary>
    /// The words-only title and body of a step, as the person reads them in the request's language (the title null where
    /// the words-only step keeps the usual one); null for a step that has no words-only text.
    /// </summary>
    public static (string? Title, string Body)? Shown(string key) =>
        Replacements.TryGetValue(key, out var words)
            ? (words.Title is null ? null : Localized.Format(Resources, key + ".WordsOnly.Title"), Localized.Format(Resources, key + ".WordsOnly.Body"))
            : null;

    /// <summary>The step as a words-only case sees it: its words-only text where the usual text would say to save.</summary>
    public static SafetyStep Apply(SafetyStep step) =>
        Replacements.TryGetValue(step.Key, out var words)
            ? step with { Title = words.Title ?? step.Title, Body = words.Body }
            : step;

    /// <summary>
    /// Finds advice to save, screenshot, download, upload or image-search in <paramref name="text"/>, once the one
    /// instruction <see cref="RecordInWords"/> (which names saving only to say don't) is taken out; null when none.
    /// The tests hold every words-only page and step to it. "Upload" and "download" count when they say to do it ("upload
    /// it", "download the video"), not as a name ("a post or upload").
    /// </summary>
    public static string? FindSavingAdvice(string text)
    {
        var match = SavingAdvice().Match(text.Replace(RecordInWords, "", StringComparison.Ordinal));
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"screen ?shots?|\bsav(e|es|ed|ing)\b|\b(down|up) ?load(s|ing)? (it|them|the|a|an|your|to)\b|reverse image|image search|google lens|bing visual|yandex|tineye|print to pdf|original files?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SavingAdvice();
}
