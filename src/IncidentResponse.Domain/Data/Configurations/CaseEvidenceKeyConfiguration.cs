using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class CaseEvidenceKeyConfiguration : IEntityTypeConfiguration<CaseEvidenceKey>
{
    public void Configure(EntityTypeBuilder<CaseEvidenceKey> builder)
    {
        builder.ToTable("CaseEvidenceKeys");
        builder.HasKey(k => k.CaseId);
        builder.Property(k => k.CaseId).ValueGeneratedNever();
        builder.Property(k => k.WrappedKey).HasMaxLength(CaseKeys.WrappedSize).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
