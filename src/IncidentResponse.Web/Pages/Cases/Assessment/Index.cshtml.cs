using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Assessment;

/// <summary>
/// The threat assessment: answers can be saved as a draft at any point; a draft is never scored. Finishing with a
/// required answer missing keeps everything typed, saves the draft, and says which questions are left.
/// </summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
public sealed class IndexModel(AppDbContext db, AuditTrail audit, IValidator<IndexModel.InputModel> validator, TimeProvider clock) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await db.ThreatAssessments.AsNoTracking()
            .Where(a => a.CaseId == CaseId && a.CompletedUtc == null)
            .OrderByDescending(a => a.UpdatedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (draft is not null)
        {
            Input.Answers = draft.Answers.ToDictionary(a => a.Key, a => (ThreatAnswer?)a.Value);
        }

        await LoadHistoryAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            await LoadHistoryAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = await db.ThreatAssessments
            .Where(a => a.CaseId == CaseId && a.CompletedUtc == null)
            .OrderByDescending(a => a.UpdatedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            assessment = new ThreatAssessment { Id = Guid.NewGuid(), CaseId = CaseId, TakenByUserId = User.UserId(), StartedUtc = now };
            db.ThreatAssessments.Add(assessment);
        }

        assessment.SetAnswers(
            Input.Answers.Where(a => a.Value is not null && ThreatQuestionnaire.Find(a.Key) is not null)
                .ToDictionary(a => a.Key, a => a.Value!.Value),
            now);

        if (Input.Intent != "finish")
        {
            assessment.QuestionnaireVersion = ThreatQuestionnaire.Version;
            await audit.RecordAsync(CaseId, User.UserId(), "assessment.draft-saved", "ThreatAssessment", assessment.Id.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Redirect($"/cases/{CaseId}");
        }

        var result = assessment.Complete(now);
        if (result.IsDraft)
        {
            await audit.RecordAsync(CaseId, User.UserId(), "assessment.draft-saved", "ThreatAssessment", assessment.Id.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var missing in result.MissingRequired)
            {
                ModelState.AddModelError($"Input.Answers[{missing}]", $"Please answer this one, or choose \"Not sure\": {ThreatQuestionnaire.Find(missing)?.Text}");
            }

            await LoadHistoryAsync(cancellationToken);
            return Page();
        }

        if (result.Has(ThreatSignals.UnderEighteen))
        {
            var found = await db.Cases.SingleAsync(c => c.Id == CaseId, cancellationToken);
            found.UnderEighteenRoute = true;
            found.UpdatedUtc = now;
        }

        await audit.RecordAsync(CaseId, User.UserId(), "assessment.completed", "ThreatAssessment", assessment.Id.ToString(), result.Level.ToString() ?? "", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/cases/{CaseId}/assessment/{assessment.Id}");
    }

    private async Task LoadHistoryAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ThreatAssessments.AsNoTracking()
            .Where(a => a.CaseId == CaseId && a.CompletedUtc != null)
            .OrderByDescending(a => a.CompletedUtc)
            .Select(a => new { a.Id, a.CompletedUtc, a.Level })
            .ToListAsync(cancellationToken);
        History = rows.Select(r => new HistoryItem(r.Id, r.CompletedUtc!.Value, r.Level ?? ThreatLevel.Standard)).ToList();
    }

    public sealed record HistoryItem(Guid Id, DateTime CompletedUtc, ThreatLevel Level);

    public sealed class InputModel
    {
        public Dictionary<string, ThreatAnswer?> Answers { get; set; } = [];

        public string? Intent { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleForEach(x => x.Answers.Values).Must(a => a is null || Enum.IsDefined(a.Value))
                .OverridePropertyName("Answers").WithMessage("Please choose Yes, No or Not sure.");
            RuleFor(x => x.Intent).Must(i => i is null or "finish" or "draft").WithMessage("Please use the buttons below the questions.");
        }
    }
}
