using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IncidentResponse.Domain.Data;

/// <summary>The one EF Core context. Configurations live in <c>Data/Configurations</c>, one per entity.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseMember> CaseMembers => Set<CaseMember>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>Each person's current recovery codes, hashed (<see cref="RecoveryCodeFormat"/>).</summary>
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    /// <summary>Usernames of deleted accounts, hashed, held back from new accounts for a while (<see cref="RetiredUsername"/>).</summary>
    public DbSet<RetiredUsername> RetiredUsernames => Set<RetiredUsername>();

    /// <summary>Passkeys people added to sign in with (public keys only).</summary>
    public DbSet<Passkey> Passkeys => Set<Passkey>();

    /// <summary>WebAuthn ceremonies under way, each used once.</summary>
    public DbSet<PasskeyChallenge> PasskeyChallenges => Set<PasskeyChallenge>();

    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();

    /// <summary>Each case's newest audit event, sealed; saved with every event (<see cref="AuditHead"/>).</summary>
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    /// <summary>Re-checks of places whose takedown is pending, for cases that turned them on (issue 24).</summary>
    public DbSet<PlaceCheckRecord> PlaceChecks => Set<PlaceCheckRecord>();

    /// <summary>Trusted timestamps of the histories (RFC 3161 tokens, ADR 0033).</summary>
    public DbSet<AuditTimestamp> AuditTimestamps => Set<AuditTimestamp>();

    public DbSet<ThreatAssessment> ThreatAssessments => Set<ThreatAssessment>();

    public DbSet<SafetyPlanStepState> SafetyPlanSteps => Set<SafetyPlanStepState>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentRevision> IncidentRevisions => Set<IncidentRevision>();

    public DbSet<Sighting> Sightings => Set<Sighting>();

    public DbSet<SightingStatusChange> SightingStatusChanges => Set<SightingStatusChange>();

    public DbSet<TakedownRequest> TakedownRequests => Set<TakedownRequest>();

    public DbSet<TakedownRequestSighting> TakedownRequestSightings => Set<TakedownRequestSighting>();

    public DbSet<TakedownResponse> TakedownResponses => Set<TakedownResponse>();

    /// <summary>
    /// The Data Protection key ring, read and written by the library's repository (<c>PersistKeysToDbContext</c>); each
    /// entry's secret is sealed under the key-ring key before it gets here (ADR 0021). The library's entity, unconfigured.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();

    public DbSet<CaseEvidenceKey> CaseEvidenceKeys => Set<CaseEvidenceKey>();

    public DbSet<AllyInvitation> AllyInvitations => Set<AllyInvitation>();

    public DbSet<Submission> Submissions => Set<Submission>();

    /// <summary>Binder PDFs being made, or made and waiting to be downloaded (ADR 0024).</summary>
    public DbSet<BinderJob> BinderJobs => Set<BinderJob>();

    /// <summary>
    /// Whether this unit of work may see private incidents and evidence items. False unless set: the case filter sets
    /// it for the case's owner only, and operator commands for the system. Every query of those two sets obeys it
    /// (<see cref="HidePrivateItems"/>), so a page written later cannot forget it.
    /// </summary>
    public bool ShowPrivateItems { get; set; }

    private bool IsPostgres => Database.ProviderName == DatabaseProviders.NpgsqlProviderName;

    /// <summary>
    /// A pooled context handed out again starts as a new one would: private items hidden, no re-chaining left from the
    /// unit of work before. EF Core resets its own state; these are ours (HostingServices.AddPersistence).
    /// </summary>
    public AppDbContext Leased()
    {
        ShowPrivateItems = false;
        AuditRechain = null;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        HidePrivateItems(builder);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            var version = builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version));
            if (IsPostgres)
            {
                // PostgreSQL changes xmin on every update of the row: a free, exact concurrency token.
                version.HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
            }
            else
            {
                version.IsConcurrencyToken();
            }
        }
    }

    /// <summary>Private items exist only for the owner (and the system): fails closed when nobody said who is looking.</summary>
    private void HidePrivateItems(ModelBuilder builder)
    {
        builder.Entity<Incident>().HasQueryFilter(i => !i.IsPrivate || ShowPrivateItems);
        // A file that belongs to a private entry is hidden with it (the entry's own filter decides whether it is found).
        builder.Entity<EvidenceItem>().HasQueryFilter(e => ShowPrivateItems
            || (!e.IsPrivate && (e.IncidentId == null || Set<Incident>().Any(i => i.Id == e.IncidentId))));

        // A place found online that belongs to a private entry is hidden with it, and so are its status changes and
        // its place on a letter (the letter itself stays: it may name other places too).
        builder.Entity<Sighting>().HasQueryFilter(s => ShowPrivateItems
            || s.IncidentId == null || Set<Incident>().Any(i => i.Id == s.IncidentId));
        builder.Entity<SightingStatusChange>().HasQueryFilter(c => ShowPrivateItems || Set<Sighting>().Any(s => s.Id == c.SightingId));
        builder.Entity<PlaceCheckRecord>().HasQueryFilter(c => ShowPrivateItems || Set<Sighting>().Any(s => s.Id == c.SightingId));
        builder.Entity<TakedownRequestSighting>().HasQueryFilter(rs => ShowPrivateItems || Set<Sighting>().Any(s => s.Id == rs.SightingId));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (!IsPostgres)
        {
            // SQLite stores date-times as text and hands them back without a kind; every time here is UTC.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>How many times a save whose history events lost a race is re-chained and tried again.</summary>
    private const int AuditAttempts = 4;

    /// <summary>
    /// Set by <see cref="Audit.AuditTrail"/> when it adds events to this unit of work: after a failed save, moves the
    /// pending events of any case whose stored history has grown meanwhile onto its end; true when it moved some.
    /// </summary>
    internal Func<CancellationToken, Task<bool>>? AuditRechain { get; set; }

    /// <summary>
    /// Saves; when the save fails because another save appended to the same case's history first (the two collide on
    /// the event's key), this one's events are chained after that one's and the save is tried again. Nothing of a failed
    /// attempt is kept (its own transaction, or a savepoint inside the caller's, is rolled back).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < AuditAttempts && AuditRechain is not null
                && ChangeTracker.Entries<Audit.AuditEventRecord>().Any(e => e.State == EntityState.Added))
            {
                if (!await AuditRechain(cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    private void BumpVersions()
    {
        if (IsPostgres)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = unchecked(entry.Entity.Version + 1);
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? v.Value.ToUniversalTime() : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
