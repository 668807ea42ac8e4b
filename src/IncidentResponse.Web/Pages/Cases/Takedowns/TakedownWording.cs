using System.Resources;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// A letter's kind, status, channel and answer as the takedown pages show them, in the request's language. The letter,
/// the binder and what is stored keep the English of <see cref="LetterComposer"/>, <see cref="TakedownLetters"/> and
/// <see cref="TakedownResponse"/>.
/// </summary>
public static class TakedownWording
{
    private static readonly ResourceManager Resources = new(typeof(TakedownsText));

    /// <summary>The plain name of a kind, for the middle of a sentence (<see cref="LetterComposer.TitleOf"/> on a page).</summary>
    public static string KindTitle(LetterKind kind) => Text("Kind." + kind);

    /// <summary>The plain name of a kind at the start of a line of the list of letters.</summary>
    public static string KindAtStart(LetterKind kind) => Text("KindAtStart." + kind);

    /// <summary>The plain name of a kind starting with a capital, for headings and choices.</summary>
    public static string KindHeading(LetterKind kind)
    {
        var title = KindTitle(kind);
        return title.Length > 0 && char.IsLower(title[0]) ? char.ToUpper(title[0], System.Globalization.CultureInfo.CurrentCulture) + title[1..] : title;
    }

    public static string Status(TakedownStatus status) => Text("Status." + status);

    public static string Channel(TakedownChannel channel) => Text("Channel." + channel);

    public static string Outcome(TakedownOutcome outcome) => Text("Outcome." + outcome);

    public static string StepTitle(LetterStep step) => Text("Step." + step);

    public static string Text(string key) => Localized.Text(Resources, key);

    public static string Format(string key, params object?[] arguments) => Localized.Format(Resources, key, arguments);
}
