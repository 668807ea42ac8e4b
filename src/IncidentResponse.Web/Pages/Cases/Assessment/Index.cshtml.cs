using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Pages.Cases.Safety;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Assessment;

/// <summary>
/// The threat assessment, a few questions per step. Answers travel with the form from step to step (hidden fields for
/// the steps not on screen), so going back keeps them and nothing is saved until the last step is finished: there is
/// never a half-saved assessment left on the case. A step with a required answer missing is shown again with what was
/// chosen. The answers that cannot wait act on the very next screen: thoughts of self-harm show crisis lines first,
/// fear for your safety shows the emergency number. Only the owner answers them: an ally never answers the owner's
/// questions for them (ADR 0014).
/// </summary>
[CaseOperationRequired(CaseOperation.AnswerAssessment)]
public sealed class IndexModel(
    AppDbContext db,
    AuditTrail audit,
    JurisdictionCatalog jurisdictions,
    IValidator<IndexModel.InputModel> validator,
    IStringLocalizer<SafetyPagesText> text,
    TimeProvider clock) : CasePageModel
{
    public const string Next = "next";
    public const string Back = "back";
    public const string Finish = "finish";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public JurisdictionPack Pack { get; private set; } = null!;

    public int StepCount => ThreatQuestionnaire.Steps.Count;

    public bool IsLastStep => Input.Step == StepCount;

    /// <summary>"Yes" or "Not sure" to thoughts of self-harm: crisis lines come before anything else.</summary>
    public bool ShowCrisisLines => Has(ThreatQuestionnaire.SelfHarm, ThreatAnswer.Yes, ThreatAnswer.NotSure);

    /// <summary>"Yes" or "Not sure" to being afraid for your safety right now: the emergency number comes next.</summary>
    public bool ShowEmergency => Has(ThreatQuestionnaire.AfraidNow, ThreatAnswer.Yes, ThreatAnswer.NotSure);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            Input.Step = Math.Clamp(Input.Step, 1, StepCount);
            return await ShowStepAsync(cancellationToken);
        }

        var answers = KnownAnswers();
        switch (Input.Intent)
        {
            case Back:
                Input.Step = Math.Max(1, Input.Step - 1);
                return await ShowStepAsync(cancellationToken);
            case Next:
                MoveOnWhenAnswered(answers);
                return await ShowStepAsync(cancellationToken);
        }

        var result = ThreatScorer.Score(answers);
        if (result.IsDraft)
        {
            // Nothing is saved: the first step with a question left is shown again, with every answer kept.
            Input.Step = result.MissingRequired.Min(ThreatQuestionnaire.StepOf);
            AddMissing(result.MissingRequired.Where(id => ThreatQuestionnaire.StepOf(id) == Input.Step));
            return await ShowStepAsync(cancellationToken);
        }

        var assessmentId = await SaveCompletedAsync(answers, result, cancellationToken);
        return Redirect($"/cases/{CaseId}/assessment/{assessmentId}");
    }

    /// <summary>The answer given to a question so far, or null.</summary>
    public ThreatAnswer? AnswerTo(string questionId) =>
        Input.Answers.TryGetValue(questionId, out var answer) ? answer : null;

    private bool Has(string questionId, params ThreatAnswer[] answers) =>
        AnswerTo(questionId) is { } answer && answers.Contains(answer);

    private Dictionary<string, ThreatAnswer> KnownAnswers() =>
        Input.Answers
            .Where(a => a.Value is not null && ThreatQuestionnaire.Find(a.Key) is not null)
            .ToDictionary(a => a.Key, a => a.Value!.Value, StringComparer.Ordinal);

    private void AddMissing(IEnumerable<string> questionIds)
    {
        foreach (var id in questionIds)
        {
            ModelState.AddModelError($"Input.Answers[{id}]", text["Assess.AnswerThis", ThreatQuestionnaire.Find(id) is { } question ? ThreatQuestionnaire.TextShown(question) : ""]);
        }
    }

    private async Task<IActionResult> ShowStepAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>On to the next step when every required question on this one is answered; otherwise say which are not.</summary>
    private void MoveOnWhenAnswered(Dictionary<string, ThreatAnswer> answers)
    {
        var missingHere = ThreatQuestionnaire.QuestionsOnStep(Input.Step)
            .Where(q => q.Required && !answers.ContainsKey(q.Id))
            .Select(q => q.Id)
            .ToList();
        if (missingHere.Count == 0)
        {
            Input.Step = Math.Min(StepCount, Input.Step + 1);
        }
        else
        {
            AddMissing(missingHere);
        }
    }

    /// <summary>The finished assessment, what it says about age and its audit event, saved in one go; returns its id.</summary>
    private async Task<Guid> SaveCompletedAsync(Dictionary<string, ThreatAnswer> answers, ThreatResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // An unfinished assessment saved by an earlier version of this page is finished here rather than left behind.
        var assessment = await db.ThreatAssessments
            .Where(a => a.CaseId == CaseId && a.CompletedUtc == null)
            .OrderByDescending(a => a.UpdatedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            assessment = new ThreatAssessment { Id = Guid.NewGuid(), CaseId = CaseId, TakenByUserId = User.UserId(), StartedUtc = now };
            db.ThreatAssessments.Add(assessment);
        }

        assessment.SetAnswers(answers, now);
        assessment.Complete(now);
        if (result.Has(ThreatSignals.UnderEighteen))
        {
            var found = await db.Cases.SingleAsync(c => c.Id == CaseId, cancellationToken);
            found.UnderEighteenRoute = true;
            found.UpdatedUtc = now;
        }

        await audit.RecordAsync(CaseId, User.UserId(), AuditActions.AssessmentCompleted, "ThreatAssessment", assessment.Id.ToString(), result.Level.ToString() ?? "", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return assessment.Id;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var code = await db.Cases.AsNoTracking().Where(c => c.Id == CaseId).Select(c => c.JurisdictionCode).SingleAsync(cancellationToken);
        Pack = jurisdictions.Get(code);
        var rows = await db.ThreatAssessments.AsNoTracking()
            .Where(a => a.CaseId == CaseId && a.CompletedUtc != null)
            .OrderByDescending(a => a.CompletedUtc)
            .Select(a => new { a.Id, a.CompletedUtc, a.Level, a.FromIncidentId })
            .ToListAsync(cancellationToken);
        History = rows.Select(r => new HistoryItem(r.Id, r.CompletedUtc!.Value, r.Level ?? ThreatLevel.Standard, r.FromIncidentId is not null)).ToList();
    }

    public sealed record HistoryItem(Guid Id, DateTime CompletedUtc, ThreatLevel Level, bool FromContact);

    public sealed class InputModel
    {
        /// <summary>Every answer given so far, on this step and the others (carried as hidden fields).</summary>
        public Dictionary<string, ThreatAnswer?> Answers { get; set; } = [];

        /// <summary>The step (1-based) the form was on when it was sent.</summary>
        public int Step { get; set; } = 1;

        public string? Intent { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<SafetyPagesText> text)
        {
            RuleForEach(x => x.Answers.Values).Must(a => a is null || Enum.IsDefined(a.Value))
                .OverridePropertyName("Answers").WithMessage(_ => text["Assess.ChooseAnswer"]);
            RuleFor(x => x.Step).InclusiveBetween(1, ThreatQuestionnaire.Steps.Count)
                .WithMessage(_ => text["Assess.UseButtons"]);
            RuleFor(x => x.Intent).Must(i => i is Next or Back or Finish).WithMessage(_ => text["Assess.UseButtons"]);
        }
    }
}
