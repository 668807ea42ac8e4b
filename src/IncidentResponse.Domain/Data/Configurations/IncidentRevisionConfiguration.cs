using IncidentResponse.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class IncidentRevisionConfiguration : IEntityTypeConfiguration<IncidentRevision>
{
    public void Configure(EntityTypeBuilder<IncidentRevision> builder)
    {
        builder.ToTable("IncidentRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SnapshotJson).IsRequired();
        builder.HasIndex(r => new { r.IncidentId, r.Number }).IsUnique();
        builder.HasIndex(r => r.CaseId);
        builder.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.Snapshot);
    }
}
