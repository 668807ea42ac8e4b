using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.TimeZone).HasMaxLength(Incident.TimeZoneMaxLength).IsRequired();
        builder.Property(i => i.Platform).HasMaxLength(32).IsRequired();
        builder.Property(i => i.Url).HasMaxLength(WebAddress.MaxLength).IsRequired();
        builder.Property(i => i.AccountHandle).HasMaxLength(Incident.ShortTextMaxLength).IsRequired();
        builder.Property(i => i.Perpetrator).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.PerpetratorName).HasMaxLength(Incident.ShortTextMaxLength).IsRequired();
        builder.Property(i => i.Narrative).HasMaxLength(Incident.NarrativeMaxLength).IsRequired();
        builder.Property(i => i.EvidenceOfIt).HasMaxLength(Incident.NoteMaxLength).IsRequired();
        builder.Property(i => i.WhoYouThink).HasMaxLength(Incident.NoteMaxLength).IsRequired();
        builder.Property(i => i.EvidenceOfWho).HasMaxLength(Incident.NoteMaxLength).IsRequired();
        builder.Property(i => i.EvidenceStillNeeded).HasMaxLength(Incident.NoteMaxLength).IsRequired();
        builder.Property(i => i.ContactJson).HasMaxLength(4000);
        builder.HasIndex(i => new { i.CaseId, i.OccurredSortUtc, i.Id });
        builder.HasIndex(i => new { i.CaseId, i.DeadlineUtc });
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.IsSeries);
        builder.Ignore(i => i.LastOccurredOn);
        builder.Ignore(i => i.Contact);
    }
}
