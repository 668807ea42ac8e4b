using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The owner deletes the whole case: after typing the word shown and their passphrase again (step-up), the case key
/// is destroyed (crypto-shredding: any copy of the files left in a backup can no longer be read), every row of the
/// case goes, then the encrypted files. Allies lose access on their next request, because their membership is gone.
/// </summary>
[CaseOperationRequired(CaseOperation.Delete)]
public sealed partial class DeleteModel(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    IEvidenceBlobStore blobs,
    IValidator<DeleteModel.InputModel> validator,
    ILogger<DeleteModel> logger) : CasePageModel
{
    /// <summary>The word the owner types to show they mean it.</summary>
    public const string ConfirmationWord = "delete";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        if (!await PassphraseConfirmedAsync())
        {
            ModelState.AddModelError("Input.Passphrase", "That passphrase didn't work. Nothing has been deleted.");
            return Page();
        }

        var memberCount = await db.CaseMembers.CountAsync(m => m.CaseId == CaseId, cancellationToken);
        var blobIds = await db.EvidenceItems.IgnoreQueryFilters().Where(e => e.CaseId == CaseId).Select(e => e.BlobId).ToListAsync(cancellationToken);
        await DeleteKeyAndRowsAsync(cancellationToken);

        // The operator's record that it happened: ids and counts only, never the title or anything in the case.
        LogDeleted(logger, CaseId, memberCount, blobIds.Count);

        // On SQLite the deleted rows are zeroed (secure_delete); empty the write-ahead log too, so no copy lingers there.
        if (!await SqliteShredding.CheckpointAsync(db, CancellationToken.None))
        {
            LogCheckpointPartial(logger);
        }

        await RemoveFilesAsync(blobIds);
        return Redirect("/cases?deleted=1");
    }

    /// <summary>Step-up: the passphrase again, counted towards the same lockout as signing in.</summary>
    private async Task<bool> PassphraseConfirmedAsync()
    {
        var user = await users.FindByIdAsync(User.UserId().ToString());
        return user is not null && (await signInManager.CheckPasswordSignInAsync(user, Input.Passphrase, lockoutOnFailure: true)).Succeeded;
    }

    /// <summary>The case key, then every row of the case (the database cascades from the case), in one transaction.</summary>
    private Task DeleteKeyAndRowsAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Letters that replace or follow up others point at each other with restricting keys: unlink them first.
            await db.TakedownRequests.Where(r => r.CaseId == CaseId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReplacesId, (Guid?)null).SetProperty(r => r.FollowsUpId, (Guid?)null), cancellationToken);

            // The key first: from here on the files cannot be read, wherever a copy survives.
            await db.CaseEvidenceKeys.Where(k => k.CaseId == CaseId).ExecuteDeleteAsync(cancellationToken);
            await db.Cases.Where(c => c.Id == CaseId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    /// <summary>The encrypted files, after the rows: the key is gone already, so a file that stays is unreadable.</summary>
    private async Task RemoveFilesAsync(IEnumerable<Guid> blobIds)
    {
        var left = 0;
        foreach (var blobId in blobIds)
        {
            try
            {
                await blobs.DeleteAsync(blobId, CancellationToken.None);
            }
            catch (IOException)
            {
                left++;
            }
        }

        if (left > 0)
        {
            // Unreadable already (the key is gone); the operator can remove orphaned files.
            logger.LogWarning("After a case was deleted, {Count} of its encrypted files could not be removed", left);
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Case {CaseId} was deleted by its owner ({MemberCount} members, {FileCount} files); its key is destroyed")]
    private static partial void LogDeleted(ILogger logger, Guid caseId, int memberCount, int fileCount);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "After a case was deleted, a reader kept the SQLite write-ahead log from being emptied; it is emptied at the next checkpoint")]
    private static partial void LogCheckpointPartial(ILogger logger);

    public sealed class InputModel
    {
        public string Confirmation { get; set; } = "";

        public string Passphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Confirmation).Must(c => string.Equals((c ?? "").Trim(), ConfirmationWord, StringComparison.OrdinalIgnoreCase))
                .WithMessage($"Please type the word {ConfirmationWord} to confirm.");
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage("Please enter your passphrase.")
                .MaximumLength(1024).WithMessage("That passphrase is longer than any we accept.");
        }
    }
}
