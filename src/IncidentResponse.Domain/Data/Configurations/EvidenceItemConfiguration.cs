using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("EvidenceItems");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(EvidenceItem.KindMaxLength);
        builder.Property(e => e.OriginalFileName).HasMaxLength(EvidenceItem.OriginalFileNameMaxLength).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(32).IsRequired();
        builder.Property(e => e.WrappedFileKey).HasMaxLength(EvidenceVault.WrappedFileKeySize).IsRequired();
        builder.Property(e => e.SourceUrl).HasMaxLength(EvidenceItem.SourceUrlMaxLength).IsRequired();
        builder.Property(e => e.SourceWords).HasMaxLength(EvidenceItem.SourceWordsMaxLength).IsRequired();
        builder.Property(e => e.WhatItShows).HasMaxLength(EvidenceItem.WhatItShowsMaxLength).IsRequired();
        builder.Property(e => e.PerceptualHash).HasMaxLength(8 * KeyWrap.WrappedSize);
        builder.HasIndex(e => e.BlobId).IsUnique();
        builder.HasIndex(e => new { e.CaseId, e.ReceivedUtc, e.Id });
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.KindInfo);
        builder.Ignore(e => e.Sha256Hex);
    }
}
