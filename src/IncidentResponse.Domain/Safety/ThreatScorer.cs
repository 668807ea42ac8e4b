using System.Resources;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// Turns a set of threat assessment answers into a level, signals and plain reasons. Pure: no clock, no I/O.
/// </summary>
/// <remarks>
/// <para><b>Score.</b> Each "Yes" adds the question's <see cref="ThreatQuestion.Weight"/>; each "Not sure" adds half
/// of it; "No" and unanswered optional questions add nothing. The score maps to a level by fixed thresholds:
/// below <see cref="ElevatedFrom"/> Standard, below <see cref="HighFrom"/> Elevated, below
/// <see cref="ImmediateDangerFrom"/> High, otherwise ImmediateDanger.</para>
/// <para><b>Overrides</b> set a floor and can only raise the level, never lower it; the final level is the highest
/// of the score's level and every floor that applies:</para>
/// <list type="bullet">
/// <item>afraid for your safety right now: Yes → ImmediateDanger; Not sure → High.</item>
/// <item>threats to kill you or someone close: Yes → ImmediateDanger; Not sure → High.</item>
/// <item>has or could get a weapon: Yes → ImmediateDanger; Not sure → Elevated.</item>
/// <item>threats of physical harm: Yes → High; Not sure → Elevated.</item>
/// <item>demands (money, more images, contact): Yes → Elevated, and the <see cref="ThreatSignals.Sextortion"/> flag.</item>
/// <item>a deadline set by the person (asked since version 4, and answered by a logged contact with a deadline): Yes →
/// Elevated.</item>
/// <item>stalking or monitoring, doxxing, access to devices or accounts: Yes → Elevated.</item>
/// <item>choking or strangling, ever: Yes → High; Not sure → Elevated. Strangulation is among the strongest signs of
/// later homicide (Glass et al. 2008: over seven times the odds), and the Dash and Danger Assessment both ask it.</item>
/// <item>jealousy or controlling behaviour, threats by the person to harm or kill themselves: Yes → Elevated (both are
/// Dash and Danger Assessment items).</item>
/// <item>past physical or sexual violence together with a recent separation (both Yes) → High.</item>
/// <item>knows where you live, work or study together with stalking (both Yes) → High.</item>
/// <item>demands (Yes) when the images may show someone under 18 (Yes or Not sure) → ImmediateDanger: sextortion of a
/// young person is always the most urgent.</item>
/// </list>
/// <para>"Images made under 18" carries no weight and no floor on its own: it is not a measure of danger, but it raises
/// the <see cref="ThreatSignals.UnderEighteen"/> flag so the plan shows the dedicated services. Your own thoughts of
/// self-harm likewise carry no weight and no floor, because the level is about the other person, and give no reason
/// (the reasons go into the binder a person hands to the police or a lawyer, and are shown to allies); on Yes or Not
/// sure they raise <see cref="ThreatSignals.SelfHarm"/> so crisis lines are shown at once and first.</para>
/// <para><b>Not sure.</b> "Not sure" is a fine answer and is treated with care, never as "No": it adds half the weight
/// and some floors. The result also carries the level the answers the person was sure of would give
/// (<see cref="ThreatResult.LevelIfSureAnswersOnly"/>), so wherever the level rests on "Not sure" answers the page says so
/// in kind words, and each such reason says that not being sure is OK.</para>
/// <para><b>Drafts.</b> An answer set missing any required question is a draft: the result names the missing
/// questions and has no score, level, signals or reasons. Answers to ids this version does not know are ignored, and a
/// question is required only of answers given under the version that introduced it or later, so answers saved under an
/// older questionnaire never break scoring.</para>
/// </remarks>
public static class ThreatScorer
{
    public const int ElevatedFrom = 10;
    public const int HighFrom = 20;
    public const int ImmediateDangerFrom = 35;

    /// <summary>Shown with every level: what the level is for, and what it is not.</summary>
    public const string PurposeStatement =
        "This level is not a prediction of what the person will do. It only decides which steps of your plan come first. "
        + "You know your situation best: if you feel unsafe, trust that, whatever the level says.";

    private static readonly ResourceManager Resources = new(typeof(ThreatScorer));

    /// <summary><see cref="PurposeStatement"/> in the request's language.</summary>
    public static string PurposeShown => Localized.Text(Resources, "Purpose");

    /// <summary>A combined reason in the request's language (see <see cref="ThreatQuestionnaire.ReasonShown"/>); any other as it is.</summary>
    public static string ReasonShown(ThreatReason reason, bool toOwner)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var english = toOwner ? reason.Text : reason.Report;
        var combined = CombinedOverrides.FirstOrDefault(c => c.Key == reason.Key);
        return combined is not null && english == (toOwner ? combined.Reason : combined.Report)
            ? Localized.Text(Resources, $"Combined.{combined.Key}.{(toOwner ? "Reason" : "Report")}")
            : english;
    }

    /// <summary>A floor one answer puts under the level.</summary>
    public sealed record Override(string QuestionId, ThreatAnswer When, ThreatLevel AtLeast);

    /// <summary>
    /// A floor that applies only when every question in <paramref name="AllYes"/> is answered "Yes" and every one in
    /// <paramref name="YesOrNotSure"/> is answered "Yes" or "Not sure".
    /// </summary>
    public sealed record CombinedOverride(string Key, IReadOnlyList<string> AllYes, ThreatLevel AtLeast, string Reason, IReadOnlyList<string>? YesOrNotSure = null, string Report = "")
    {
        public bool AppliesTo(IReadOnlyDictionary<string, ThreatAnswer> answers) =>
            AllYes.All(id => AnswerTo(answers, id) == ThreatAnswer.Yes)
            && (YesOrNotSure ?? []).All(id => AnswerTo(answers, id) is ThreatAnswer.Yes or ThreatAnswer.NotSure);
    }

    /// <summary>The key of the rule that makes sextortion of someone under 18 the most urgent level.</summary>
    public const string UnderEighteenSextortion = "under-18-sextortion";

    public static IReadOnlyList<Override> Overrides { get; } =
    [
        new(AfraidNow, ThreatAnswer.Yes, ThreatLevel.ImmediateDanger),
        new(AfraidNow, ThreatAnswer.NotSure, ThreatLevel.High),
        new(ThreatToKill, ThreatAnswer.Yes, ThreatLevel.ImmediateDanger),
        new(ThreatToKill, ThreatAnswer.NotSure, ThreatLevel.High),
        new(Weapons, ThreatAnswer.Yes, ThreatLevel.ImmediateDanger),
        new(Weapons, ThreatAnswer.NotSure, ThreatLevel.Elevated),
        new(ThreatOfHarm, ThreatAnswer.Yes, ThreatLevel.High),
        new(ThreatOfHarm, ThreatAnswer.NotSure, ThreatLevel.Elevated),
        new(Demands, ThreatAnswer.Yes, ThreatLevel.Elevated),
        new(Deadline, ThreatAnswer.Yes, ThreatLevel.Elevated),
        new(Stalking, ThreatAnswer.Yes, ThreatLevel.Elevated),
        new(Doxxing, ThreatAnswer.Yes, ThreatLevel.Elevated),
        new(DeviceAccess, ThreatAnswer.Yes, ThreatLevel.Elevated),
        new(Strangulation, ThreatAnswer.Yes, ThreatLevel.High),
        new(Strangulation, ThreatAnswer.NotSure, ThreatLevel.Elevated),
        new(Controlling, ThreatAnswer.Yes, ThreatLevel.Elevated),
        new(ThreatenedSuicide, ThreatAnswer.Yes, ThreatLevel.Elevated),
    ];

    public static IReadOnlyList<CombinedOverride> CombinedOverrides { get; } =
    [
        new("past-violence-and-separation", [PastViolence, Separation], ThreatLevel.High,
            "Because you said the person has been violent before and you have recently separated from them.",
            Report: "The survivor said the other person has been violent before and that they have recently separated from them."),
        new("knows-location-and-stalking", [KnowsLocation, Stalking], ThreatLevel.High,
            "Because you said the person knows where you live, work or study and has followed, watched or tracked you.",
            Report: "The survivor said the other person knows where they live, work or study and has followed, watched or tracked them."),
        new(UnderEighteenSextortion, [Demands], ThreatLevel.ImmediateDanger,
            "Because you said the person is asking for something in return and the images may show someone under 18. "
            + "This is always treated as most urgent. You have done nothing wrong, and there is help made for exactly this.",
            [UnderEighteen],
            Report: "The survivor said the other person is asking for something in return, and the images may show someone under 18."),
    ];

    /// <summary>The level a score alone gives.</summary>
    public static ThreatLevel LevelForScore(int score) => score switch
    {
        >= ImmediateDangerFrom => ThreatLevel.ImmediateDanger,
        >= HighFrom => ThreatLevel.High,
        >= ElevatedFrom => ThreatLevel.Elevated,
        _ => ThreatLevel.Standard,
    };

    /// <summary>
    /// Scores an answer set keyed by question id. Missing keys are unanswered questions. <paramref name="questionnaireVersion"/>
    /// is the version the answers were given under: questions introduced later are not required of them.
    /// </summary>
    public static ThreatResult Score(IReadOnlyDictionary<string, ThreatAnswer> answers, int questionnaireVersion = ThreatQuestionnaire.Version)
    {
        ArgumentNullException.ThrowIfNull(answers);

        var missing = Questions
            .Where(q => q.Required && q.IntroducedIn <= questionnaireVersion && !IsAnswered(answers, q.Id))
            .Select(q => q.Id)
            .ToList();
        if (missing.Count > 0)
        {
            return new ThreatResult { QuestionnaireVersion = ThreatQuestionnaire.Version, MissingRequired = missing };
        }

        var scored = Compute(answers);

        // The same answers with every "Not sure" taken as "No": when this is lower, the level rests on doubts, which the
        // result says (a doubt about danger is still counted, to be safe).
        var sureOnly = answers.Where(a => a.Value != ThreatAnswer.NotSure).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return new ThreatResult
        {
            QuestionnaireVersion = ThreatQuestionnaire.Version,
            MissingRequired = [],
            Score = scored.Score,
            ScoreLevel = scored.ScoreLevel,
            Level = scored.Level,
            LevelIfSureAnswersOnly = Compute(sureOnly).Level,
            Signals = SignalsFor(answers),
            Reasons = scored.Reasons,
        };
    }

    private sealed record Scored(int Score, ThreatLevel ScoreLevel, ThreatLevel Level, IReadOnlyList<ThreatReason> Reasons);

    private static Scored Compute(IReadOnlyDictionary<string, ThreatAnswer> answers)
    {
        var score = 0;
        var reasons = new List<(ThreatReason Reason, int Order)>();
        for (var index = 0; index < Questions.Count; index++)
        {
            var question = Questions[index];
            var answer = AnswerTo(answers, question.Id);
            var points = question.PointsFor(answer);
            score += points;
            var floor = FloorFor(question.Id, answer);
            if (points > 0 || floor is not null)
            {
                var notSure = answer == ThreatAnswer.NotSure;
                reasons.Add((new ThreatReason(
                    question.Id,
                    notSure ? question.NotSureReason : question.YesReason,
                    points,
                    floor,
                    notSure ? question.NotSureReport : question.YesReport,
                    notSure), index));
            }
        }

        foreach (var combined in CombinedOverrides)
        {
            if (combined.AppliesTo(answers))
            {
                reasons.Add((new ThreatReason(combined.Key, combined.Reason, 0, combined.AtLeast, combined.Report), Questions.Count));
            }
        }

        var scoreLevel = LevelForScore(score);
        var level = reasons
            .Select(r => r.Reason.AtLeast)
            .OfType<ThreatLevel>()
            .Aggregate(scoreLevel, ThreatLevels.Max);
        return new Scored(
            score,
            scoreLevel,
            level,
            reasons
                .OrderByDescending(r => r.Reason.AtLeast.HasValue ? (int)r.Reason.AtLeast.Value : -1)
                .ThenByDescending(r => r.Reason.Points)
                .ThenBy(r => r.Order)
                .Select(r => r.Reason)
                .ToList());
    }

    private static ThreatLevel? FloorFor(string questionId, ThreatAnswer answer)
    {
        ThreatLevel? floor = null;
        foreach (var rule in Overrides)
        {
            if (rule.QuestionId == questionId && rule.When == answer && (floor is null || rule.AtLeast > floor))
            {
                floor = rule.AtLeast;
            }
        }

        return floor;
    }

    private static ThreatSignals SignalsFor(IReadOnlyDictionary<string, ThreatAnswer> answers)
    {
        var signals = ThreatSignals.None;
        if (AnswerTo(answers, Demands) == ThreatAnswer.Yes)
        {
            signals |= ThreatSignals.Sextortion;
        }

        if (AnswerTo(answers, UnderEighteen) is ThreatAnswer.Yes or ThreatAnswer.NotSure)
        {
            signals |= ThreatSignals.UnderEighteen;
        }

        if (AnswerTo(answers, Doxxing) == ThreatAnswer.Yes)
        {
            signals |= ThreatSignals.DoxxingRisk;
        }

        if (AnswerTo(answers, DeviceAccess) is ThreatAnswer.Yes or ThreatAnswer.NotSure)
        {
            signals |= ThreatSignals.DeviceCompromise;
        }

        if (AnswerTo(answers, ThreatOfHarm) == ThreatAnswer.Yes || AnswerTo(answers, ThreatToKill) == ThreatAnswer.Yes)
        {
            signals |= ThreatSignals.ThreatOfViolence;
        }

        if (AnswerTo(answers, SelfHarm) is ThreatAnswer.Yes or ThreatAnswer.NotSure)
        {
            signals |= ThreatSignals.SelfHarm;
        }

        if (AnswerTo(answers, MadeWithoutConsent) is ThreatAnswer.Yes or ThreatAnswer.NotSure)
        {
            signals |= ThreatSignals.MadeWithoutConsent;
        }

        return signals;
    }

    private static bool IsAnswered(IReadOnlyDictionary<string, ThreatAnswer> answers, string id) =>
        answers.TryGetValue(id, out var answer) && Enum.IsDefined(answer);

    private static ThreatAnswer AnswerTo(IReadOnlyDictionary<string, ThreatAnswer> answers, string id) =>
        answers.TryGetValue(id, out var answer) && Enum.IsDefined(answer) ? answer : ThreatAnswer.No;
}
