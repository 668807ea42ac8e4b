using FluentValidation;
using IncidentResponse.Documents;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// The evidence binder: the person picks who it is for, which parts go in, a neutral title and how each picture is
/// shown, then downloads it as a PDF or opens the same pages to print from their own browser.
/// </summary>
[RequiresRecentPassphrase(CaseOperation.Export)]
[CaseOperationRequired(CaseOperation.Export)]
public sealed class IndexModel(
    AppDbContext db,
    BinderBuilder builder,
    BinderPrinter printer,
    BinderJobs jobs,
    IValidator<IndexModel.InputModel> validator,
    TimeProvider clock,
    IStringLocalizer<BinderText> text) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ExhibitChoice> Exhibits { get; private set; } = [];

    public bool PdfAvailable => printer.IsPdfAvailable;

    /// <summary>False for an ally allowed to export whom the owner has not shown evidence images: every picture is withheld.</summary>
    public bool PicturesShared => Membership.Can(CaseOperation.ViewEvidence);

    /// <summary>False for an ally the owner has not shared the risk assessment with: its summary and the level are left out.</summary>
    public bool AssessmentShown => Membership.Can(CaseOperation.ViewRiskAssessment);

    /// <summary>Set when a PDF was asked for but Chromium would not start.</summary>
    public bool PdfFailed { get; private set; }

    /// <summary>This member's binders being made or ready, unexpired, so they can leave and come back.</summary>
    public IReadOnlyList<BinderJobView> Jobs { get; private set; } = [];

    /// <summary>How long a listed binder is kept on the server, in words.</summary>
    public string KeptFor(BinderJobView job) => BinderJobView.MinutesLeft(job?.Job ?? throw new ArgumentNullException(nameof(job)), clock.GetUtcNow().UtcDateTime, text);

    public async Task<IActionResult> OnGetAsync(BinderPreset? preset, CancellationToken cancellationToken)
    {
        var chosen = preset is { } p && Enum.IsDefined(p) ? p : BinderPreset.MyRecords;
        Input = new InputModel { Preset = chosen, Sections = [.. BinderPresets.SectionsFor(chosen)] };
        await LoadExhibitsAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// "Use this preset": ticks the preset's parts and sets every picture to its safest choice for that reader, keeping
    /// everything else that was typed (works without JavaScript).
    /// </summary>
    public async Task<IActionResult> OnPostPresetAsync(CancellationToken cancellationToken)
    {
        var preset = Enum.IsDefined(Input.Preset) ? Input.Preset : BinderPreset.MyRecords;
        ModelState.Clear();
        Input.Preset = preset;
        Input.Sections = [.. BinderPresets.SectionsFor(preset)];
        Input.Redactions.Clear();
        await LoadExhibitsAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// "Download the PDF": the binder becomes a job (ADR 0024) and the person goes at once to its progress page. When
    /// they already have one being made for this case, they go to that one instead.
    /// </summary>
    public async Task<IActionResult> OnPostPdfAsync(CancellationToken cancellationToken)
    {
        if (await InvalidAsync(cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (!printer.IsPdfAvailable)
        {
            PdfFailed = true;
            await LoadExhibitsAsync(cancellationToken);
            return Page();
        }

        var jobId = await jobs.StartAsync(Membership, Input, cancellationToken);
        return Redirect($"/cases/{CaseId}/binder/jobs/{jobId}");
    }

    public async Task<IActionResult> OnPostViewAsync(CancellationToken cancellationToken)
    {
        if (await InvalidAsync(cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var options = Input.ToOptions() with { PicturesShared = PicturesShared, AssessmentShown = AssessmentShown, Audience = (await CaseAudience.LoadAsync(db, Membership, cancellationToken)).ForBinder() };
        var binder = await builder.BuildDocumentAsync(CaseId, options, cancellationToken);
        var html = await printer.RenderHtmlAsync(binder, $"/cases/{CaseId}/binder/resource/", cancellationToken);
        await printer.RecordMadeAsync(CaseId, User.UserId(), "html", options, binder, cancellationToken);
        SecurityHeadersMiddleware.AllowInlineStyle(HttpContext, DocumentHtmlRenderer.StylesheetFor(PaperSize.A4));
        Response.Headers.CacheControl = "no-store";
        return Content(html, "text/html; charset=utf-8");
    }

    private async Task<IActionResult?> InvalidAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid)
        {
            return null;
        }

        validation.AddTo(ModelState);
        await LoadExhibitsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadExhibitsAsync(CancellationToken cancellationToken)
    {
        Jobs = (await jobs.ListAsync(Membership, cancellationToken)).Select(j => new BinderJobView(j, text)).ToList();
        var rows = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CaseId == CaseId)
            .OrderBy(e => e.ReceivedUtc).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.OriginalFileName, e.Kind })
            .ToListAsync(cancellationToken);
        Exhibits = rows.Select((r, i) => new ExhibitChoice(
            r.Id,
            i + 1,
            PicturesShared ? r.OriginalFileName : "",
            ExhibitResources.IsPrintable(r.Kind),
            Input.Redactions.TryGetValue(r.Id, out var chosen) && Enum.IsDefined(chosen) ? chosen
                : ExhibitRedaction.Safest(Input.Preset, ExhibitResources.IsDrawn(r.Kind)))).ToList();
    }

    public sealed record ExhibitChoice(Guid Id, int Number, string FileName, bool HasPicture, Redaction Redaction);

    public sealed class InputModel
    {
        public BinderPreset Preset { get; set; } = BinderPreset.MyRecords;

        public List<BinderSection> Sections { get; set; } = [];

        public string? Title { get; set; } = BinderOptions.DefaultTitle;

        public string? PreparedBy { get; set; }

        public string? PreparedFor { get; set; }

        public Dictionary<Guid, Redaction> Redactions { get; set; } = [];

        /// <summary>Print the risk level and score in the threat assessment summary. Off unless ticked.</summary>
        public bool IncludeRiskLevel { get; set; }

        public BinderOptions ToOptions() => new()
        {
            Title = (Title ?? "").Trim(),
            PreparedBy = (PreparedBy ?? "").Trim(),
            PreparedFor = (PreparedFor ?? "").Trim(),
            Preset = Preset,
            Sections = new HashSet<BinderSection>(Sections.Where(Enum.IsDefined)),
            Redactions = Redactions.Where(r => Enum.IsDefined(r.Value)).ToDictionary(r => r.Key, r => r.Value),
            IncludeRiskLevel = IncludeRiskLevel,
            SafestWhenUnnamed = true,
        };
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<BinderText> text)
        {
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Error.TitleMissing"])
                .Must(t => t!.Trim().Length <= BinderOptions.TitleMaxLength).WithMessage(_ => text["Error.TitleTooLong", BinderOptions.TitleMaxLength])
                .Must(t => !t!.Any(char.IsControl)).WithMessage(_ => text["Error.TitleControl"]);
            RuleFor(x => x.PreparedBy).Must(t => (t ?? "").Trim().Length <= BinderOptions.NameMaxLength)
                .WithMessage(_ => text["Error.NameTooLong", BinderOptions.NameMaxLength]);
            RuleFor(x => x.PreparedFor).Must(t => (t ?? "").Trim().Length <= BinderOptions.NameMaxLength)
                .WithMessage(_ => text["Error.NameTooLong", BinderOptions.NameMaxLength]);
            RuleFor(x => x.Preset).IsInEnum().WithMessage(_ => text["Error.Preset"]);
            RuleFor(x => x.Sections).Must(s => s.Any(Enum.IsDefined)).WithMessage(_ => text["Error.Sections"]);
            RuleForEach(x => x.Redactions).Must(r => Enum.IsDefined(r.Value)).WithMessage(_ => text["Error.Redactions"]);
        }
    }
}
