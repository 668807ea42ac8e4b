using System.Resources;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// The threat assessment questions, in the order they are asked, in <see cref="Steps"/> of a few questions each. The
/// wording is our own; the topics are those that published domestic abuse risk checklists ask about (see
/// <see cref="Sources"/>). It is a guide, not a validated risk instrument: the answers decide which safety steps come
/// first; they do not predict anything.
/// </summary>
public static class ThreatQuestionnaire
{
    /// <summary>
    /// Bump when questions, weights or rules change, and store it with every saved result. Version 2 added whether
    /// images were made without consent; version 3 added strangulation, controlling behaviour, the person's threats of
    /// suicide and your own thoughts of self-harm, and made sextortion of someone under 18 the most urgent level; version 4
    /// added whether the person has set a deadline (a logged contact with a deadline answers it too).
    /// </summary>
    public const int Version = 4;

    public const string AfraidNow = "afraid-now";
    public const string ThreatToShare = "threat-to-share";
    public const string Demands = "demands";
    public const string Deadline = "deadline";
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
    public const string Strangulation = "strangulation";
    public const string Controlling = "controlling";
    public const string ThreatenedSuicide = "threatened-suicide";
    public const string SelfHarm = "self-harm";
    public const string MadeWithoutConsent = "made-without-consent";

    /// <summary>The three answers every question offers, with the label to show.</summary>
    public static IReadOnlyList<(ThreatAnswer Answer, string Label)> AnswerOptions { get; } =
    [
        (ThreatAnswer.Yes, "Yes"),
        (ThreatAnswer.No, "No"),
        (ThreatAnswer.NotSure, "Not sure"),
    ];

    /// <summary>
    /// Where the questions' topics come from, read from <c>Content/safety/assessment-sources.json</c> (each with its own
    /// page, and when it was read or that it was not). Our wording is not theirs, and this questionnaire has not been
    /// validated as they have: it is a guide to what to do first.
    /// </summary>
    public static IReadOnlyList<QuestionnaireSource> Sources => ContentOverlays.InLanguage(AllSources.Value.English, AllSources.Value.Translated);

    private static readonly Lazy<(IReadOnlyList<QuestionnaireSource> English, Dictionary<string, IReadOnlyList<QuestionnaireSource>> Translated)> AllSources =
        new(() => QuestionnaireSources.LoadEmbeddedInLanguages(DateOnly.FromDateTime(DateTime.UtcNow)));

    /// <summary>
    /// The screens the questions are asked on, a few at a time, in order. Every question is on exactly one step; the
    /// answers that act at once (afraid right now, thoughts of self-harm) come early so help shows on the next screen.
    /// </summary>
    public static IReadOnlyList<QuestionnaireStep> Steps { get; } =
    [
        new("Right now", [AfraidNow, ThreatToShare, Demands, UnderEighteen]),
        new("Threats", [ThreatOfHarm, ThreatToKill, ThreatenedSuicide, SelfHarm]),
        new("What the person knows and does", [KnowsLocation, Doxxing, DeviceAccess, Stalking]),
        new("How things have been", [Weapons, Escalation, Deadline, Controlling]),
        new("Your history with the person", [PastViolence, Strangulation, Separation, MadeWithoutConsent]),
    ];

    /// <summary>Every question, in the order the steps ask them.</summary>
    public static IReadOnlyList<ThreatQuestion> Questions { get; } = InStepOrder(
    [
        new(AfraidNow,
            "Are you afraid for your safety right now?",
            "Trust your own sense of this. There is no wrong answer.",
            Required: true, Weight: 10,
            Fact: "you are afraid for your safety right now",
            Reported: "they are afraid for their safety right now"),
        new(ThreatToShare,
            "Has the person threatened to share the images, to share more of them, or to show them to more people?",
            "This includes threats made in messages, in person, or passed on through someone else.",
            Required: true, Weight: 4,
            Fact: "the person has threatened to share more images or to share them more widely",
            Reported: "the other person has threatened to share more images or to share them more widely"),
        new(Demands,
            "Has the person asked you for something in return, such as money, more images, or contact with them?",
            "For example \"pay me or I'll post them\", \"send more or I'll tell your family\", or \"meet me or I'll share them\". This is sometimes called sextortion.",
            Required: true, Weight: 6,
            Fact: "the person has demanded something from you in return",
            Reported: "the other person has demanded something from them in return"),
        new(Deadline,
            "Has the person given you a deadline, such as \"pay by Friday or I post them\"?",
            "A deadline is meant to rush you. You have more time and more help than it feels like. If you don't know, choose No.",
            Required: false, Weight: 4,
            Fact: "the person has given you a deadline",
            Reported: "the other person has given them a deadline",
            IntroducedIn: 4),
        new(ThreatOfHarm,
            "Has the person threatened to hurt you physically, or to hurt someone close to you?",
            null,
            Required: true, Weight: 8,
            Fact: "the person has threatened to hurt you or someone close to you",
            Reported: "the other person has threatened to hurt them or someone close to them"),
        new(ThreatToKill,
            "Has the person threatened to kill you, or someone close to you?",
            null,
            Required: true, Weight: 10,
            Fact: "the person has threatened to kill you or someone close to you",
            Reported: "the other person has threatened to kill them or someone close to them"),
        new(KnowsLocation,
            "Does the person know where you live, work or study?",
            null,
            Required: true, Weight: 4,
            Fact: "the person knows where you live, work or study",
            Reported: "the other person knows where they live, work or study"),
        new(Doxxing,
            "Have your personal details, such as your name, address, phone number or workplace, been posted alongside the images?",
            "Posting someone's personal details to expose them is sometimes called doxxing.",
            Required: true, Weight: 4,
            Fact: "your personal details have been posted alongside the images",
            Reported: "their personal details have been posted alongside the images"),
        new(DeviceAccess,
            "Could the person get into your phone, computer or online accounts, for example because they know a password or have had your device?",
            null,
            Required: true, Weight: 4,
            Fact: "the person may be able to get into your devices or accounts",
            Reported: "the other person may be able to get into their devices or accounts"),
        new(Stalking,
            "Has the person followed you, watched you, turned up uninvited, or tracked where you go or what you do online?",
            null,
            Required: true, Weight: 6,
            Fact: "the person has followed, watched or tracked you",
            Reported: "the other person has followed, watched or tracked them"),
        new(Escalation,
            "Have the threats, messages or posts become more frequent or more serious recently?",
            null,
            Required: true, Weight: 6,
            Fact: "things have become more frequent or more serious recently",
            Reported: "things have become more frequent or more serious recently"),
        new(PastViolence,
            "Has the person ever been physically or sexually violent towards you or someone else?",
            "You can skip this question if you prefer.",
            Required: false, Weight: 8,
            Fact: "the person has been physically or sexually violent before",
            Reported: "the other person has been physically or sexually violent before"),
        new(Separation,
            "Have you recently separated from the person, or ended a relationship with them?",
            "If you don't know who the person is, choose No. You can skip this question if you prefer.",
            Required: false, Weight: 4,
            Fact: "you have recently separated from the person",
            Reported: "they have recently separated from the other person"),
        new(Weapons,
            "Does the person have a weapon, such as a gun, or could they easily get one?",
            null,
            Required: true, Weight: 8,
            Fact: "the person has or could easily get a weapon",
            Reported: "the other person has or could easily get a weapon"),
        new(UnderEighteen,
            "Do any of the images show someone who was under 18 when they were made, even if they are an adult now?",
            "This includes you, if you were under 18 at the time. There are services made for exactly this, and you have done nothing wrong.",
            Required: true, Weight: 0,
            Fact: "the images may show someone who was under 18 when they were made",
            Reported: "the images may show someone who was under 18 when they were made"),
        new(Strangulation,
            "Has the person ever choked or strangled you, or put pressure on your neck, even once?",
            "This includes holding you by the neck or blocking your breathing with a hand, an arm or an object. It is one of the strongest warning signs, even if it left no marks. You can skip this question if you prefer.",
            Required: false, Weight: 10,
            Fact: "the person has choked or strangled you",
            Reported: "the other person has choked or strangled them",
            IntroducedIn: 3),
        new(Controlling,
            "Is the person very jealous, or do they try to control what you do, who you see, or your money or phone?",
            null,
            Required: true, Weight: 6,
            Fact: "the person is very jealous or tries to control you",
            Reported: "the other person is very jealous or tries to control them",
            IntroducedIn: 3),
        new(ThreatenedSuicide,
            "Has the person threatened to harm or kill themselves, for example if you leave or don't do what they want?",
            "If you don't know who the person is, choose No.",
            Required: true, Weight: 6,
            Fact: "the person has threatened to harm or kill themselves",
            Reported: "the other person has threatened to harm or kill themselves",
            IntroducedIn: 3),
        new(SelfHarm,
            "Have you had thoughts of harming yourself or of ending your life?",
            "Many people going through this have these thoughts, and you are not alone. If you say Yes or Not sure, we will show you people you can talk to straight away. You can skip this question if you prefer.",
            Required: false, Weight: 0,
            Fact: "you have had thoughts of harming yourself or of ending your life",
            Reported: "they have had thoughts of harming themselves or of ending their life",
            IntroducedIn: 3),
        new(MadeWithoutConsent,
            "Were any of the images made while you could not agree to it, for example while you were asleep, drunk, drugged or being forced?",
            "If so, that is sexual abuse and it is not your fault. Your plan will add services that support people after sexual assault. You can skip this question if you prefer.",
            Required: false, Weight: 0,
            Fact: "some images may have been made while you could not agree",
            Reported: "some images may have been made while they could not agree",
            IntroducedIn: 2),
    ]);

    private static readonly Dictionary<string, ThreatQuestion> ById =
        Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

    private static List<ThreatQuestion> InStepOrder(IReadOnlyList<ThreatQuestion> defined)
    {
        var byId = defined.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var ordered = Steps.SelectMany(step => step.QuestionIds).Select(id => byId[id]).ToList();
        return ordered.Count == defined.Count
            ? ordered
            : throw new InvalidOperationException("Every threat question must be on exactly one step.");
    }

    /// <summary>The questions of one step (1-based), in the order they are asked.</summary>
    public static IReadOnlyList<ThreatQuestion> QuestionsOnStep(int step) =>
        Steps[step - 1].QuestionIds.Select(id => ById[id]).ToList();

    /// <summary>The step (1-based) a question is asked on.</summary>
    public static int StepOf(string id)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].QuestionIds.Contains(id, StringComparer.Ordinal))
            {
                return i + 1;
            }
        }

        throw new KeyNotFoundException($"No step asks the question {id}.");
    }

    /// <summary>The question with this id, or null for an id this version does not know.</summary>
    public static ThreatQuestion? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The highest score any answer set can reach.</summary>
    public static int MaximumScore { get; } = Questions.Sum(q => q.Weight);

    private static readonly ResourceManager Resources = new(typeof(ThreatQuestionnaire));

    /// <summary>A question as the person reads it, in the request's language (the id and the stored answers stay as they are).</summary>
    public static string TextShown(ThreatQuestion question) => Words($"Question.{question?.Id}.Text");

    /// <summary>A question's hint in the request's language, or null where it has none.</summary>
    public static string? HelpShown(ThreatQuestion question) => question?.HelpText is null ? null : Words($"Question.{question.Id}.Help");

    /// <summary>The heading of a step (1-based) in the request's language.</summary>
    public static string StepTitleShown(int step) => Words($"Step.{step}.Title");

    /// <summary>An answer's label in the request's language.</summary>
    public static string AnswerShown(ThreatAnswer answer) => Words($"Answer.{answer}");

    /// <summary>
    /// A reason as it is shown, in the request's language: to the owner (<paramref name="toOwner"/>) its
    /// <see cref="ThreatReason.Text"/>, to anyone else its <see cref="ThreatReason.Report"/>. A reason whose English is not
    /// one this version words is shown as it is.
    /// </summary>
    public static string ReasonShown(ThreatReason reason, bool toOwner)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var english = toOwner ? reason.Text : reason.Report;
        if (Find(reason.Key) is not { } question)
        {
            return ThreatScorer.ReasonShown(reason, toOwner);
        }

        var (yes, notSure) = toOwner ? (question.YesReason, question.NotSureReason) : (question.YesReport, question.NotSureReport);
        var clause = Words($"Question.{question.Id}.{(toOwner ? "Fact" : "Reported")}");
        return english == yes ? Localized.Format(Resources, toOwner ? "Reason.Yes" : "Report.Yes", clause)
            : english == notSure ? Localized.Format(Resources, toOwner ? "Reason.NotSure" : "Report.NotSure", clause)
            : english;
    }

    private static string Words(string key) => Localized.Text(Resources, key);
}

/// <summary>One screen of the questionnaire: a short heading and the ids of its questions, in order.</summary>
public sealed record QuestionnaireStep(string Title, IReadOnlyList<string> QuestionIds);

/// <summary>A published risk checklist or study the questions' topics come from, with its own page and when we read it.</summary>
public sealed record QuestionnaireSource : ISourcedFact
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

/// <summary>Reads and checks the questionnaire's sources: each named, described and sourced honestly.</summary>
public static class QuestionnaireSources
{
    public const string ResourceName = "IncidentResponse.Domain.Content.safety.assessment-sources.json";

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The embedded sources, checked against <paramref name="todayUtc"/>; throws naming every problem.</summary>
    public static IReadOnlyList<QuestionnaireSource> LoadEmbedded(DateOnly todayUtc) =>
        Load(ContentFiles.ReadEmbedded(typeof(QuestionnaireSources).Assembly, ResourceName, "assessment sources"), todayUtc);

    /// <summary>The embedded sources in English, and in each language with their descriptions translated (ADR 0030).</summary>
    public static (IReadOnlyList<QuestionnaireSource> English, Dictionary<string, IReadOnlyList<QuestionnaireSource>> Translated) LoadEmbeddedInLanguages(DateOnly todayUtc)
    {
        var assembly = typeof(QuestionnaireSources).Assembly;
        var json = ContentFiles.ReadEmbedded(assembly, ResourceName, "assessment sources");
        var translated = ContentOverlays.Translations(assembly, "safety", "assessment-sources.json", json)
            .ToDictionary(t => t.Key, t => Load(t.Value, todayUtc), StringComparer.Ordinal);
        return (Load(json, todayUtc), translated);
    }

    private static IReadOnlyList<QuestionnaireSource> Load(string json, DateOnly todayUtc) =>
        Checked(ContentFiles.Parse<SourcesFile>(json, JsonOptions, "assessment sources", ResourceName).Sources, todayUtc);

    /// <summary>The sources if every one is named, described and honestly sourced; otherwise throws naming every problem.</summary>
    public static IReadOnlyList<QuestionnaireSource> Checked(IReadOnlyList<QuestionnaireSource> sources, DateOnly todayUtc)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var problems = new List<string>();
        if (sources.Count == 0)
        {
            problems.Add("sources: there are none.");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            var at = $"sources[{i}]";
            ContentChecks.Required(problems, $"{at}.name", sources[i].Name);
            ContentChecks.Required(problems, $"{at}.description", sources[i].Description);
            ContentChecks.Fact(problems, at, sources[i], todayUtc);
        }

        return problems.Count == 0
            ? sources
            : throw new InvalidDataException("The assessment sources are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private sealed record SourcesFile(int SchemaVersion, int ContentVersion, string EditorialNote, IReadOnlyList<QuestionnaireSource> Sources);
}
