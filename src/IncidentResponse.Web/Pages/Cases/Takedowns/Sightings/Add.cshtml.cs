using System.Globalization;
using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>
/// Paste any number of web addresses at once. Each new one becomes a sighting, first seen on the day the person gives
/// (from an entry, the day they found out about it; otherwise today); anything skipped (not a web address, repeated, or
/// already in this case) is listed with the reason, and the page stays so it can be corrected. From an entry, the web
/// address typed on it is put in the box, and where it happened is said, so adding it is one tap. From a file that looks
/// like another (issue 24), the address where the file was found is put in the box instead, first seen on the day it was
/// captured (else received).
/// </summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
[ShownAgainWhenDatabaseUnavailable]
public sealed class AddModel(
    AppDbContext db,
    AuditTrail audit,
    IValidator<AddModel.InputModel> validator,
    TimeProvider clock,
    IStringLocalizer<SightingsText> text) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Skipped> SkippedUrls { get; private set; } = [];

    public int AddedCount { get; private set; }

    /// <summary>The incident these are copies of, when coming from an incident's page.</summary>
    public string? IncidentTitle { get; private set; }

    /// <summary>Where the entry says it happened, in words ("Instagram, account @alex"); null when it names no site or account.</summary>
    public string? IncidentPlace { get; private set; }

    /// <summary>The web address typed on the entry, when it is not yet a place in this case: put in the box for one tap.</summary>
    public string? IncidentUrl { get; private set; }

    /// <summary>True when the box holds the address where a file was found (coming from the file's page).</summary>
    public bool FromFile { get; private set; }

    /// <summary>The latest day anyone can have seen anything (today where it is latest on Earth): the date field's limit.</summary>
    public string LatestDay => IncidentTime.LatestPossibleToday(clock.GetUtcNow().UtcDateTime).ToString(DateFormat, CultureInfo.InvariantCulture);

    private const string DateFormat = "yyyy-MM-dd";

    private DateOnly? _incidentFoundOn;

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? incident, [FromQuery] Guid? evidence, CancellationToken cancellationToken)
    {
        Input.IncidentId = incident;
        if (!await LoadIncidentAsync(cancellationToken))
        {
            return NotFound();
        }

        // First seen: the day the entry says it was found, else today; the person corrects it if it was another day.
        var firstSeen = _incidentFoundOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input.Urls = IncidentUrl;
        if (evidence is { } evidenceId)
        {
            // A file this person may see, of this case; anything else is not found, as its own page would be (a file's
            // details are for those shown the evidence).
            if (!Membership.Can(CaseOperation.ViewEvidence))
            {
                return NotFound();
            }

            var file = await db.EvidenceItems.AsNoTracking()
                .Where(e => e.CaseId == CaseId && e.Id == evidenceId)
                .Select(e => new { e.SourceUrl, e.CapturedOn, e.ReceivedUtc })
                .SingleOrDefaultAsync(cancellationToken);
            if (file is null)
            {
                return NotFound();
            }

            if (await NewPlaces.IsNewAsync(db, CaseId, file.SourceUrl, cancellationToken))
            {
                Input.Urls = file.SourceUrl;
                FromFile = true;
                firstSeen = file.CapturedOn ?? DateOnly.FromDateTime(file.ReceivedUtc);
            }
        }

        Input.FirstSeenOn = firstSeen.ToString(DateFormat, CultureInfo.InvariantCulture);
        return Page();
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
        var skipped = parsed.Rejected.Select(r => new Skipped(r.Text, text.SkipReason(r.Reason))).ToList();
        var added = await StageNewPlacesAsync(parsed.Accepted, skipped, cancellationToken);
        if (added > 0 && !await SaveAsync(cancellationToken))
        {
            ModelState.AddModelError("Input.Urls", text["Add.SameMoment"]);
            return Page();
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

    /// <summary>
    /// Stages a new place for each address not already in the case, with its audit event, and returns how many; each one
    /// already there is added to <paramref name="skipped"/>.
    /// </summary>
    private async Task<int> StageNewPlacesAsync(IReadOnlyList<AcceptedUrl> accepted, List<Skipped> skipped, CancellationToken cancellationToken)
    {
        var keys = accepted.Select(a => a.Key).ToList();
        // Every place in the case counts, a private one too (the unique key does not know who is looking).
        var existing = (await db.Sightings.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CaseId == CaseId && keys.Contains(s.UrlKey))
            .Select(s => s.UrlKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        var added = 0;
        foreach (var url in accepted)
        {
            if (existing.Contains(url.Key))
            {
                skipped.Add(new Skipped(url.Url, text["Skip.AlreadyInCase"].Value));
                continue;
            }

            var sighting = Sighting.Add(CaseId, url, userId, now, InputModel.ParseDate(Input.FirstSeenOn));
            sighting.IncidentId = Input.IncidentId;
            db.Sightings.Add(sighting);
            await audit.RecordAsync(CaseId, userId, AuditActions.SightingAdded, "Sighting", sighting.Id.ToString(), cancellationToken: cancellationToken);
            added++;
        }

        return added;
    }

    /// <summary>Saves the staged places, or nothing when someone added one of them at the same moment.</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (!DatabaseFaults.IsUnavailable(exception))
        {
            // Someone added one of these at the same moment (the case's address index is unique): nothing was saved.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<bool> LoadIncidentAsync(CancellationToken cancellationToken)
    {
        if (Input.IncidentId is not { } incidentId)
        {
            return true;
        }

        var found = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == CaseId && i.Id == incidentId)
            .Select(i => new { i.Kind, i.FoundOn, i.Platform, i.Url, i.AccountHandle })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        IncidentTitle = text.KindName(found.Kind);
        _incidentFoundOn = found.FoundOn;
        var site = found.Platform == Platforms.Other ? null : Platforms.NameShown(found.Platform);
        IncidentPlace = (site, found.AccountHandle) switch
        {
            (null, "") => null,
            (null, var account) => text["Add.Account", account].Value,
            (var name, "") => name,
            (var name, var account) => text["Add.SiteAccount", name, account].Value,
        };
        if (await NewPlaces.IsNewAsync(db, CaseId, found.Url, cancellationToken))
        {
            IncidentUrl = found.Url;
        }

        return true;
    }

    public sealed record Skipped(string Text, string Reason);

    public sealed class InputModel
    {
        public string? Urls { get; set; }

        public Guid? IncidentId { get; set; }

        /// <summary>The day the person first saw it there, yyyy-MM-dd as a date input sends it.</summary>
        public string? FirstSeenOn { get; set; }

        internal static DateOnly? ParseDate(string? value) =>
            DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public const int MaxLength = 200_000;

        public InputValidator(TimeProvider clock, IStringLocalizer<SightingsText> text)
        {
            RuleFor(x => x.FirstSeenOn).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Add.DateMissing"])
                .Must(t => InputModel.ParseDate(t) is not null).WithMessage(_ => text["Add.DateFormat"])
                .Must(t => InputModel.ParseDate(t) <= IncidentTime.LatestPossibleToday(clock.GetUtcNow().UtcDateTime))
                .WithMessage(_ => text["Add.DateFuture"]);
            RuleFor(x => x.Urls).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Add.UrlsMissing"])
                .Must(t => t!.Length <= MaxLength).WithMessage(_ => text["Add.UrlsTooLong"])
                .Must(t => UrlList.Parse(t).Accepted.Count + UrlList.Parse(t).Rejected.Count <= UrlList.MaxEntries)
                .WithMessage(_ => text["Add.UrlsTooMany", UrlList.MaxEntries])
                .Must(t => UrlList.Parse(t).Accepted.Count > 0)
                .WithMessage(_ => text["Add.UrlsNone"]);
        }
    }
}
