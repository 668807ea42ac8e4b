using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("AuditHeads");
        builder.HasKey(h => h.CaseId);
        builder.Property(h => h.Hash).HasMaxLength(AuditChain.HashSize).IsRequired();
        builder.Property(h => h.Seal).HasMaxLength(AuditChain.HashSize).IsRequired();
        builder.HasOne<Case>().WithOne().HasForeignKey<AuditHead>(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
