using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class ThreatAssessmentConfiguration : IEntityTypeConfiguration<ThreatAssessment>
{
    public void Configure(EntityTypeBuilder<ThreatAssessment> builder)
    {
        builder.ToTable("ThreatAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.AnswersJson).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Signals).HasConversion<int>();
        builder.HasIndex(a => new { a.CaseId, a.StartedUtc });
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Answers);
        builder.Ignore(a => a.Result);
        builder.Ignore(a => a.IsDraft);
    }
}
