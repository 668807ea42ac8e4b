namespace IncidentResponse.Domain.Safety;

/// <summary>
/// The threat assessment questions, in the order they are asked. The wording is our own; it is not taken from any
/// published risk instrument. The answers decide which safety steps come first; they do not predict anything.
/// </summary>
public static class ThreatQuestionnaire
{
    /// <summary>Bump when questions, weights or rules change, and store it with every saved result.</summary>
    public const int Version = 2;

    public const string AfraidNow = "afraid-now";
    public const string ThreatToShare = "threat-to-share";
    public const string Demands = "demands";
    public const string ThreatOfHarm = "threat-of-harm";
    public const string ThreatToKill = "threat-to-kill";
    public const string KnowsLocation = "knows-location";
    public const string Doxxing = "doxxing";
    public const string DeviceAccess = "device-access";
    public const string Stalking = "stalking";
    public const string Escalation = "escalation";
    public const string PastViolence = "past-violence";
    public const string Separation = "separation";
    public const string Weapons = "weapons";
    public const string UnderEighteen = "under-18";
    public const string MadeWithoutConsent = "made-without-consent";

    /// <summary>The three answers every question offers, with the label to show.</summary>
    public static IReadOnlyList<(ThreatAnswer Answer, string Label)> AnswerOptions { get; } =
    [
        (ThreatAnswer.Yes, "Yes"),
        (ThreatAnswer.No, "No"),
        (ThreatAnswer.NotSure, "Not sure"),
    ];

    public static IReadOnlyList<ThreatQuestion> Questions { get; } =
    [
        new(AfraidNow,
            "Are you afraid for your safety right now?",
            "Trust your own sense of this. There is no wrong answer.",
            Required: true, Weight: 10,
            Fact: "you are afraid for your safety right now"),
        new(ThreatToShare,
            "Has the person threatened to share the images, to share more of them, or to show them to more people?",
            "This includes threats made in messages, in person, or passed on through someone else.",
            Required: true, Weight: 4,
            Fact: "the person has threatened to share more images or to share them more widely"),
        new(Demands,
            "Has the person asked you for something in return, such as money, more images, or contact with them?",
            "For example \"pay me or I'll post them\", \"send more or I'll tell your family\", or \"meet me or I'll share them\". This is sometimes called sextortion.",
            Required: true, Weight: 6,
            Fact: "the person has demanded something from you in return"),
        new(ThreatOfHarm,
            "Has the person threatened to hurt you physically, or to hurt someone close to you?",
            null,
            Required: true, Weight: 8,
            Fact: "the person has threatened to hurt you or someone close to you"),
        new(ThreatToKill,
            "Has the person threatened to kill you, or someone close to you?",
            null,
            Required: true, Weight: 10,
            Fact: "the person has threatened to kill you or someone close to you"),
        new(KnowsLocation,
            "Does the person know where you live, work or study?",
            null,
            Required: true, Weight: 4,
            Fact: "the person knows where you live, work or study"),
        new(Doxxing,
            "Have your personal details, such as your name, address, phone number or workplace, been posted alongside the images?",
            "Posting someone's personal details to expose them is sometimes called doxxing.",
            Required: true, Weight: 4,
            Fact: "your personal details have been posted alongside the images"),
        new(DeviceAccess,
            "Could the person get into your phone, computer or online accounts, for example because they know a password or have had your device?",
            null,
            Required: true, Weight: 4,
            Fact: "the person may be able to get into your devices or accounts"),
        new(Stalking,
            "Has the person followed you, watched you, turned up uninvited, or tracked where you go or what you do online?",
            null,
            Required: true, Weight: 6,
            Fact: "the person has followed, watched or tracked you"),
        new(Escalation,
            "Have the threats, messages or posts become more frequent or more serious recently?",
            null,
            Required: true, Weight: 6,
            Fact: "things have become more frequent or more serious recently"),
        new(PastViolence,
            "Has the person ever been physically or sexually violent towards you or someone else?",
            "You can skip this question if you prefer.",
            Required: false, Weight: 8,
            Fact: "the person has been physically or sexually violent before"),
        new(Separation,
            "Have you recently separated from the person, or ended a relationship with them?",
            "If you don't know who the person is, choose No. You can skip this question if you prefer.",
            Required: false, Weight: 4,
            Fact: "you have recently separated from the person"),
        new(Weapons,
            "Does the person have a weapon, such as a gun, or could they easily get one?",
            null,
            Required: true, Weight: 8,
            Fact: "the person has or could easily get a weapon"),
        new(UnderEighteen,
            "Do any of the images show someone who was under 18 when they were made, even if they are an adult now?",
            "This includes you, if you were under 18 at the time. There are services made for exactly this, and you have done nothing wrong.",
            Required: true, Weight: 0,
            Fact: "the images may show someone who was under 18 when they were made"),
        new(MadeWithoutConsent,
            "Were any of the images made while you could not agree to it, for example while you were asleep, drunk, drugged or being forced?",
            "If so, that is sexual abuse and it is not your fault. Your plan will add services that support people after sexual assault. You can skip this question if you prefer.",
            Required: false, Weight: 0,
            Fact: "some images may have been made while you could not agree"),
    ];

    private static readonly Dictionary<string, ThreatQuestion> ById =
        Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

    /// <summary>The question with this id, or null for an id this version does not know.</summary>
    public static ThreatQuestion? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The highest score any answer set can reach.</summary>
    public static int MaximumScore { get; } = Questions.Sum(q => q.Weight);
}
