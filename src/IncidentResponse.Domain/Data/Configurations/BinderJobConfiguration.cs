using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class BinderJobConfiguration : IEntityTypeConfiguration<BinderJob>
{
    public void Configure(EntityTypeBuilder<BinderJob> builder)
    {
        builder.ToTable("BinderJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Phase).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Failure).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.ChoicesKey).HasMaxLength(EvidenceVault.WrappedFileKeySize);
        builder.Property(j => j.FileKey).HasMaxLength(EvidenceVault.WrappedFileKeySize);
        builder.HasIndex(j => new { j.State, j.CreatedUtc });
        builder.HasIndex(j => new { j.CaseId, j.UserId });
        builder.HasOne<Case>().WithMany().HasForeignKey(j => j.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
