using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Sightings;

/// <summary>
/// Paste any number of web addresses at once. Each new one becomes a sighting; anything skipped (not a web address,
/// repeated, or already in this case) is listed with the reason, and the page stays so it can be corrected.
/// </summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
[ShownAgainWhenDatabaseUnavailable]
public sealed class AddModel(AppDbContext db, AuditTrail audit, IValidator<AddModel.InputModel> validator, TimeProvider clock) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Skipped> SkippedUrls { get; private set; } = [];

    public int AddedCount { get; private set; }

    /// <summary>The incident these are copies of, when coming from an incident's page.</summary>
    public string? IncidentTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? incident, CancellationToken cancellationToken)
    {
        Input.IncidentId = incident;
        return await LoadIncidentAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadIncidentAsync(cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var parsed = UrlList.Parse(Input.Urls);
        var keys = parsed.Accepted.Select(a => a.Key).ToList();
        // Every place in the case counts, a private one too (the unique key does not know who is looking).
        var existing = (await db.Sightings.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CaseId == CaseId && keys.Contains(s.UrlKey))
            .Select(s => s.UrlKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var skipped = parsed.Rejected.Select(r => new Skipped(r.Text, UrlList.Explain(r.Reason))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        var added = 0;
        foreach (var url in parsed.Accepted)
        {
            if (existing.Contains(url.Key))
            {
                skipped.Add(new Skipped(url.Url, "it is already in this case"));
                continue;
            }

            var sighting = Sighting.Add(CaseId, url, userId, now);
            sighting.IncidentId = Input.IncidentId;
            db.Sightings.Add(sighting);
            await audit.RecordAsync(CaseId, userId, "sighting.added", "Sighting", sighting.Id.ToString(), cancellationToken: cancellationToken);
            added++;
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (!DatabaseFaults.IsUnavailable(exception))
            {
                // Someone added one of these at the same moment (the case's address index is unique): nothing was saved.
                db.ChangeTracker.Clear();
                ModelState.AddModelError("Input.Urls", "Someone added places to this case at the same moment. Nothing was lost: please save again.");
                return Page();
            }
        }

        if (skipped.Count == 0)
        {
            return Redirect($"/cases/{CaseId}/sightings?added={added}");
        }

        // Show what was skipped and why, and leave only those in the box to correct.
        AddedCount = added;
        SkippedUrls = skipped;
        ModelState.Remove("Input.Urls");
        Input.Urls = string.Join('\n', skipped.Select(s => s.Text));
        return Page();
    }

    private async Task<bool> LoadIncidentAsync(CancellationToken cancellationToken)
    {
        if (Input.IncidentId is not { } incidentId)
        {
            return true;
        }

        var kind = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == CaseId && i.Id == incidentId)
            .Select(i => (IncidentKind?)i.Kind)
            .SingleOrDefaultAsync(cancellationToken);
        IncidentTitle = kind is { } k ? IncidentKinds.DisplayName(k) : null;
        return kind is not null;
    }

    public sealed record Skipped(string Text, string Reason);

    public sealed class InputModel
    {
        public string? Urls { get; set; }

        public Guid? IncidentId { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public const int MaxLength = 200_000;

        public InputValidator()
        {
            RuleFor(x => x.Urls).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please paste at least one web address.")
                .Must(t => t!.Length <= MaxLength).WithMessage("That is a very long list. Please add it in a few parts.")
                .Must(t => UrlList.Parse(t).Accepted.Count + UrlList.Parse(t).Rejected.Count <= UrlList.MaxEntries)
                .WithMessage($"Please add up to {UrlList.MaxEntries} addresses at a time.")
                .Must(t => UrlList.Parse(t).Accepted.Count > 0)
                .WithMessage("None of these look like web addresses. Each one needs to start with http:// or https://.");
        }
    }
}
