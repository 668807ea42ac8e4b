using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class AuditEventRecordConfiguration : IEntityTypeConfiguration<AuditEventRecord>
{
    public void Configure(EntityTypeBuilder<AuditEventRecord> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => new { e.CaseId, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.ActionMaxLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(AuditEvent.EntityIdMaxLength).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(AuditEvent.DetailsMaxLength).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditChain.HashSize).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashSize).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard counts one action in a case's history on every view (binders made, issue 20): counted from
        // this index alone, not by reading every event of the case.
        builder.HasIndex(e => new { e.CaseId, e.Action });
    }
}
