using IncidentResponse.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class SightingStatusChangeConfiguration : IEntityTypeConfiguration<SightingStatusChange>
{
    public void Configure(EntityTypeBuilder<SightingStatusChange> builder)
    {
        builder.ToTable("SightingStatusChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Note).HasMaxLength(SightingStatusChange.NoteMaxLength).IsRequired();
        builder.HasIndex(c => new { c.SightingId, c.ChangedUtc });
        builder.HasIndex(c => c.CaseId);
        builder.HasOne<Sighting>().WithMany().HasForeignKey(c => c.SightingId).OnDelete(DeleteBehavior.Cascade);
    }
}
