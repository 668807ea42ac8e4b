using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class SightingConfiguration : IEntityTypeConfiguration<Sighting>
{
    public void Configure(EntityTypeBuilder<Sighting> builder)
    {
        builder.ToTable("Sightings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(WebAddress.MaxLength).IsRequired();
        builder.Property(s => s.UrlKey).HasMaxLength(WebAddress.MaxLength).IsRequired();
        builder.Property(s => s.Platform).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(s => new { s.CaseId, s.UrlKey }).IsUnique();
        builder.HasIndex(s => new { s.CaseId, s.FirstSeenUtc, s.Id });
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incident>().WithMany().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.SetNull);
    }
}
