using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class AuditTimestampConfiguration : IEntityTypeConfiguration<AuditTimestamp>
{
    public void Configure(EntityTypeBuilder<AuditTimestamp> builder)
    {
        builder.ToTable("AuditTimestamps");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Digest).HasMaxLength(AuditChain.HashSize).IsRequired();
        builder.Property(t => t.Token).HasMaxLength(AuditTimestamp.TokenMaxLength).IsRequired();
        builder.Property(t => t.Authority).HasMaxLength(AuditTimestamp.AuthorityMaxLength).IsRequired();

        // One token per event of a case: two instances stamping the same head at once keep the first.
        builder.HasIndex(t => new { t.CaseId, t.Sequence }).IsUnique();
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
