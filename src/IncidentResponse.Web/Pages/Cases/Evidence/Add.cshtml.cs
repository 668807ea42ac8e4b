using System.Globalization;
using FluentValidation;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// Adding a file: the form's body is read section by section (<see cref="EvidenceUploadForm"/>), the file received into
/// the vault as it arrives (<see cref="EvidenceReceiver"/>), the description validated, and only then the file kept with
/// its record. Nothing is model bound and nothing is buffered to disk.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(UploadLimitBytes)]
[CaseOperationRequired(CaseOperation.AddEntry)]
[ShownAgainWhenDatabaseUnavailable]
public sealed class AddModel(
    AppDbContext db,
    EvidenceReceiver receiver,
    SubmissionGuard submissions,
    IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions,
    IValidator<AddModel.InputModel> validator,
    JurisdictionCatalog jurisdictions,
    IncidentResponse.Domain.Takedowns.PlatformDirectory platforms,
    IStringLocalizer<EvidenceText> text) : CasePageModel, IRestoresPostedInput
{
    /// <summary>The largest file any kind allows, plus room for the description fields.</summary>
    public const long UploadLimitBytes = EvidenceLimits.LargestMaxBytes + EvidenceLimits.Megabyte;

    public const string FileField = EvidenceUploadForm.FileField;

    private const string FileKey = "Input." + FileField;

    /// <summary>The body being read, once the antiforgery token at its start has been checked.</summary>
    private EvidenceUploadForm? _form;

    public InputModel Input { get; set; } = new();

    /// <summary>This form's key: sending the same upload twice keeps one file (see <see cref="SubmissionGuard"/>).</summary>
    public Guid SubmissionId { get; private set; }

    public bool UnderEighteenRoute { get; private set; }

    /// <summary>The case keeps words only (<see cref="Case.WordsOnly"/>): the page offers no file input.</summary>
    public bool WordsOnly { get; private set; }

    /// <summary>The age questions as answered so far, asked here (instead of the file input) while either is unanswered.</summary>
    public AgeQuestions Ages { get; private set; } = new("Input", null, null);

    /// <summary>Words only only because a question is unanswered: the page asks it (or says who can answer it).</summary>
    /// <remarks>
    /// Not when the case could not be read (the form shown again during a database outage): only a case that keeps
    /// files ever showed the form that was posted, and the service still refuses a file for any other case.
    /// </remarks>
    public bool AskAgeQuestions => _caseLoaded && AgeQuestions.NeedAsking(UnderEighteenRoute, Ages.UnderEighteenNow, Ages.MadeUnderEighteen);

    private bool _caseLoaded;

    public IReadOnlyList<ContactRoute> UnderEighteenRoutes { get; private set; } = [];

    /// <summary>The case's record entries a file can belong to, newest first.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Incidents { get; private set; } = [];

    /// <summary>The file input has something to say (a refusal, or that the file must be chosen again).</summary>
    public bool FileError => ModelState.TryGetValue(FileKey, out var entry) && entry.Errors.Count > 0;

    /// <summary>The sent letter this file confirms (a screenshot of its confirmation), named for the page; null when none.</summary>
    public string? ForLetter { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadCaseAsync(HttpContext.RequestAborted);
        SubmissionId = SubmissionGuard.NewKey();
        if (Guid.TryParse(Request.Query["incident"], out var incidentId) && Incidents.Any(i => i.Id == incidentId))
        {
            Input.IncidentId = incidentId.ToString();
        }

        if (Guid.TryParse(Request.Query["letter"], out var letterId) && await ConfirmedLetterAsync(letterId.ToString(), HttpContext.RequestAborted) is not null)
        {
            Input.TakedownRequestId = letterId.ToString();
        }

        ForLetter = await ConfirmedLetterAsync(Input.TakedownRequestId, HttpContext.RequestAborted);

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        _form = await EvidenceUploadForm.OpenAsync(HttpContext, antiforgery, antiforgeryOptions.Value, cancellationToken);
        if (_form is null)
        {
            return BadRequest();
        }

        await LoadCaseAsync(cancellationToken);
        await using var upload = await _form.ReadAsync(
            receiver, CaseId, fields => submissions.AlreadyDoneAsync(InputModel.From(fields).SubmissionId, cancellationToken), ModelState, text["Add.TooLong"], cancellationToken);
        if (upload.IsMalformed)
        {
            return BadRequest();
        }

        if (upload.KeptBefore is { } done)
        {
            // The same upload was kept before (a double click, or a retry of one whose answer was lost).
            return Redirect(done);
        }

        Input = InputModel.From(_form.Fields);
        SubmissionId = Input.SubmissionId;
        await ValidateAsync(upload, cancellationToken);
        if (!ModelState.IsValid || upload.Received is not { } received)
        {
            return Page();
        }

        return Redirect(await KeepAsync(received, upload.FileName, cancellationToken));
    }

    /// <summary>
    /// After a database failure (before or during the handler): the description fields still unread are read, the
    /// file is skipped (a browser cannot be given it back), and the form is shown again asking for the file again.
    /// </summary>
    public async Task<bool> RestorePostedInputAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var form = _form ?? await EvidenceUploadForm.OpenAsync(HttpContext, antiforgery, antiforgeryOptions.Value, cancellationToken);
        if (form is null)
        {
            return false;
        }

        await form.ReadTextFieldsLeftAsync(cancellationToken);
        Input = InputModel.From(form.Fields);
        SubmissionId = Input.SubmissionId;
        ModelState.AddModelError(FileKey, text["Add.ChooseAgainResent"]);
        return true;
    }

    /// <summary>The description's rules, the entry and letter it names (of this case only), and what became of the file.</summary>
    private async Task ValidateAsync(EvidenceUpload upload, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        validation.AddTo(ModelState);
        if (Input.IncidentId.Length > 0 && !Incidents.Any(i => i.Id.ToString() == Input.IncidentId))
        {
            // Only an entry of this very case: an id from elsewhere is treated as not chosen, kindly.
            ModelState.AddModelError("Input.IncidentId", text["Add.EntryNotFound"]);
        }

        ForLetter = await ConfirmedLetterAsync(Input.TakedownRequestId, cancellationToken);
        if (Input.TakedownRequestId.Length > 0 && ForLetter is null)
        {
            // Only a sent letter of this very case that this person can see takes a confirmation.
            ModelState.AddModelError("Input.TakedownRequestId", text["Add.LetterNotFound"]);
        }

        if (upload.Refusal is { } refusal)
        {
            var noFileChosen = refusal == EvidenceRefusal.Empty && upload.FileName.Length == 0;
            ModelState.AddModelError(FileKey, noFileChosen ? text["Add.NoFile"] : EvidenceWording.Refusal(refusal));
            if (refusal == EvidenceRefusal.TooLarge)
            {
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        }
        else if (upload.Received is null)
        {
            ModelState.AddModelError(FileKey, text["Add.NoFile"]);
        }
        else if (!ModelState.IsValid)
        {
            // A browser cannot be given a chosen file back, and a file is never kept before its record is: say so.
            ModelState.AddModelError(FileKey, text["Add.ChooseAgain"]);
        }
    }

    /// <summary>
    /// Keeps the file with its description, and the form's key in the same save; the address to go to next. Someone who
    /// may add but not view evidence (a helper) goes back to the case instead of a page they cannot see.
    /// </summary>
    private async Task<string> KeepAsync(ReceivedEvidence received, string fileName, CancellationToken cancellationToken)
    {
        var canViewEvidence = Membership.Can(CaseOperation.ViewEvidence);
        var id = await receiver.KeepAsync(
            CaseId,
            User.UserId(),
            received,
            Input.ToDescription(fileName),
            location => submissions.Record(Input.SubmissionId, CaseId, canViewEvidence ? location : $"/cases/{CaseId}"),
            cancellationToken);
        return canViewEvidence ? $"/cases/{CaseId}/evidence/{id}" : $"/cases/{CaseId}";
    }

    private async Task LoadCaseAsync(CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == CaseId)
            .Select(c => new { c.UnderEighteenRoute, c.UnderEighteenNow, c.MadeUnderEighteen, c.JurisdictionCode })
            .SingleAsync(cancellationToken);
        UnderEighteenRoute = found.UnderEighteenRoute;
        WordsOnly = Case.IsWordsOnly(found.UnderEighteenRoute, found.UnderEighteenNow, found.MadeUnderEighteen);
        Ages = new AgeQuestions("Input", found.UnderEighteenNow, found.MadeUnderEighteen);
        _caseLoaded = true;
        UnderEighteenRoutes = jurisdictions.Get(found.JurisdictionCode).UnderEighteenRoutes ?? [];
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == CaseId)
            .OrderByDescending(i => i.OccurredSortUtc)
            .Take(200)
            .Select(i => new { i.Id, i.OccurredOn, i.Kind })
            .ToListAsync(cancellationToken);
        Incidents = incidents
            .Select(i => (i.Id, text["Add.EntryLabel", i.OccurredOn, IncidentKinds.DisplayNameShown(i.Kind)].Value))
            .ToList();
    }

    /// <summary>
    /// The name of the sent letter <paramref name="id"/> of this case, when this person can see it (not withheld from
    /// them, ADR 0008); null otherwise.
    /// </summary>
    private async Task<string?> ConfirmedLetterAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var requestId))
        {
            return null;
        }

        var letter = await db.TakedownRequests.AsNoTracking()
            .Where(r => r.CaseId == CaseId && r.Id == requestId && r.SentOn != null)
            .Select(r => new { r.Kind, r.PlatformId })
            .SingleOrDefaultAsync(cancellationToken);
        if (letter is null || await IncidentResponse.Web.Pages.Cases.Takedowns.WithheldLetters.IsWithheldAsync(db, CaseId, requestId, cancellationToken))
        {
            return null;
        }

        return text["Add.LetterName", IncidentResponse.Domain.Takedowns.LetterComposer.TitleOf(letter.Kind), platforms.Get(letter.PlatformId).Name];
    }

    /// <summary>The description fields as typed; the file is read separately.</summary>
    public sealed class InputModel
    {
        /// <summary>Where it was found, in the person's words.</summary>
        public string SourceWords { get; set; } = "";

        public string SourceUrl { get; set; } = "";

        /// <summary>yyyy-MM-dd, as a date input sends it.</summary>
        public string CapturedOn { get; set; } = "";

        /// <summary>HH:mm, as a time input sends it.</summary>
        public string CapturedAtTime { get; set; } = "";

        public string WhatItShows { get; set; } = "";

        /// <summary>The record entry this file belongs to, or empty.</summary>
        public string IncidentId { get; set; } = "";

        /// <summary>The sent letter whose confirmation this file is, or empty.</summary>
        public string TakedownRequestId { get; set; } = "";

        /// <summary>The form's key (see <see cref="SubmissionGuard"/>); empty when the form sent none.</summary>
        public Guid SubmissionId { get; set; }

        public static InputModel From(IReadOnlyDictionary<string, string> fields) => new()
        {
            SubmissionId = Guid.TryParse(fields.GetValueOrDefault(SubmissionGuard.FieldName), out var key) ? key : Guid.Empty,
            SourceWords = fields.GetValueOrDefault("Input.SourceWords", "").Trim(),
            SourceUrl = fields.GetValueOrDefault("Input.SourceUrl", "").Trim(),
            CapturedOn = fields.GetValueOrDefault("Input.CapturedOn", "").Trim(),
            CapturedAtTime = fields.GetValueOrDefault("Input.CapturedAtTime", "").Trim(),
            WhatItShows = fields.GetValueOrDefault("Input.WhatItShows", "").Trim(),
            IncidentId = fields.GetValueOrDefault("Input.IncidentId", "").Trim(),
            TakedownRequestId = fields.GetValueOrDefault("Input.TakedownRequestId", "").Trim(),
        };

        /// <summary>
        /// What is kept. A web address typed in the words box (and none in the address box) is kept as the address, so
        /// it is listed and printed as one.
        /// </summary>
        public EvidenceDescription ToDescription(string originalFileName)
        {
            var wordsAreAnAddress = SourceUrl.Length == 0 && WebAddress.IsValid(SourceWords);
            return new(
                originalFileName,
                wordsAreAnAddress ? SourceWords : SourceUrl,
                ParseDate(CapturedOn),
                ParseTime(CapturedAtTime),
                WhatItShows,
                Guid.TryParse(IncidentId, out var incident) ? incident : null,
                Guid.TryParse(TakedownRequestId, out var letter) ? letter : null,
                wordsAreAnAddress ? "" : SourceWords);
        }

        internal static DateOnly? ParseDate(string value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

        internal static TimeOnly? ParseTime(string value) =>
            TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(TimeProvider clock, IStringLocalizer<EvidenceText> text)
        {
            ArgumentNullException.ThrowIfNull(text);
            RuleFor(x => x.SourceWords)
                .MaximumLength(EvidenceItem.SourceWordsMaxLength)
                .WithMessage(_ => text["Add.SourceWordsTooLong", EvidenceItem.SourceWordsMaxLength]);
            RuleFor(x => x.SourceUrl).Cascade(CascadeMode.Stop)
                .MaximumLength(EvidenceItem.SourceUrlMaxLength)
                .WithMessage(_ => text["Add.SourceUrlTooLong", EvidenceItem.SourceUrlMaxLength])
                .Must(url => url.Length == 0 || IsWebAddress(url))
                .WithMessage(_ => text["Add.SourceUrlInvalid"]);
            RuleFor(x => x.CapturedOn)
                .Must(date => date.Length == 0 || InputModel.ParseDate(date) is not null)
                .WithMessage(_ => text["Add.DateInvalid"])
                .Must(date => InputModel.ParseDate(date) is not { } day || day <= LatestToday(clock))
                .WithMessage(_ => text["Add.DateFuture"]);
            RuleFor(x => x.CapturedAtTime)
                .Must(time => time.Length == 0 || InputModel.ParseTime(time) is not null)
                .WithMessage(_ => text["Add.TimeInvalid"]);
            RuleFor(x => x.WhatItShows)
                .MaximumLength(EvidenceItem.WhatItShowsMaxLength)
                .WithMessage(_ => text["Add.ShowsTooLong", EvidenceItem.WhatItShowsMaxLength]);
        }

        private static bool IsWebAddress(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);

        /// <summary>Today where it is latest on Earth (UTC+14): no one can have captured anything after that day.</summary>
        private static DateOnly LatestToday(TimeProvider clock) =>
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
    }
}
