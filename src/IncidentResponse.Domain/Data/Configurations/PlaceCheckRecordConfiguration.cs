using IncidentResponse.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class PlaceCheckRecordConfiguration : IEntityTypeConfiguration<PlaceCheckRecord>
{
    public void Configure(EntityTypeBuilder<PlaceCheckRecord> builder)
    {
        builder.ToTable("PlaceChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.FinalUrl).HasMaxLength(PlaceCheckRecord.FinalUrlMaxLength).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(PlaceCheckRecord.ReasonMaxLength).IsRequired();
        builder.Ignore(c => c.LooksGone);
        builder.HasIndex(c => new { c.SightingId, c.CheckedUtc });
        builder.HasIndex(c => c.CaseId);
        builder.HasOne<Sighting>().WithMany().HasForeignKey(c => c.SightingId).OnDelete(DeleteBehavior.Cascade);
    }
}
