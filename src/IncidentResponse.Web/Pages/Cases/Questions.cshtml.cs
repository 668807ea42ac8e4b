using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The two age questions ("Are you under 18?", "Were any of the images made when someone in them was under 18?"),
/// answered by the person whose case it is. Until both are "No" the case keeps words only. A "Yes" or "Not sure" can be
/// changed to "No" only with a tick saying the earlier answer was a mistake (docs/decisions/0012-under-18-words-only.md).
/// The address names no subject: it is in the browser's history.
/// </summary>
[CaseOperationRequired(CaseOperation.Rename)]
public sealed class QuestionsModel(AppDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<CasesText> text) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set by a safety questions answer; the answers here do not lift it.</summary>
    public bool UnderEighteenRoute { get; private set; }

    /// <summary>Whether a "Yes" or "Not sure" was given before, so changing it to "No" asks for the tick.</summary>
    public bool HadYesOrNotSure { get; private set; }

    public async Task OnGetAsync(string? returnTo, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(cancellationToken);
        Input = new InputModel
        {
            UnderEighteenNow = found.UnderEighteenNow,
            MadeUnderEighteen = found.MadeUnderEighteen,
            ReturnTo = returnTo,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var found = await LoadAsync(cancellationToken);
        if (!Input.ConfirmChange)
        {
            if (IsLifted(found.UnderEighteenNow, Input.UnderEighteenNow))
            {
                ModelState.AddModelError($"Input.{AgeQuestions.NowField}", text["Questions.Confirm"]);
            }

            if (IsLifted(found.MadeUnderEighteen, Input.MadeUnderEighteen))
            {
                ModelState.AddModelError($"Input.{AgeQuestions.MadeField}", text["Questions.Confirm"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (found.UnderEighteenNow != Input.UnderEighteenNow || found.MadeUnderEighteen != Input.MadeUnderEighteen)
        {
            var wasWordsOnly = found.WordsOnly;
            found.UnderEighteenNow = Input.UnderEighteenNow;
            found.MadeUnderEighteen = Input.MadeUnderEighteen;
            found.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            var change = (wasWordsOnly, found.WordsOnly) switch
            {
                (false, true) => "words-only from now",
                (true, false) => "files allowed from now",
                (true, true) => "words only",
                _ => "files allowed",
            };
            await audit.RecordAsync(CaseId, User.UserId(), AuditActions.CaseAgeAnswersChanged, "Case", CaseId.ToString(), change, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect(AgeQuestions.ReturnAddress(CaseId, Input.ReturnTo));
    }

    /// <summary>An answer that kept the case to words ("Yes", "Not sure") changed to "No".</summary>
    private static bool IsLifted(AgeAnswer? before, AgeAnswer? after) =>
        before is AgeAnswer.Yes or AgeAnswer.NotSure && after == AgeAnswer.No;

    private async Task<Case> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await db.Cases.SingleAsync(c => c.Id == CaseId, cancellationToken);
        UnderEighteenRoute = found.UnderEighteenRoute;
        HadYesOrNotSure = found.UnderEighteenNow is AgeAnswer.Yes or AgeAnswer.NotSure
            || found.MadeUnderEighteen is AgeAnswer.Yes or AgeAnswer.NotSure;
        return found;
    }

    public sealed class InputModel
    {
        public AgeAnswer? UnderEighteenNow { get; set; }

        public AgeAnswer? MadeUnderEighteen { get; set; }

        /// <summary>Ticked to say an earlier "Yes" or "Not sure" was a mistake.</summary>
        public bool ConfirmChange { get; set; }

        /// <summary>Which page to go back to: "safety", "evidence" or "plan".</summary>
        public string? ReturnTo { get; set; }
    }
}
