using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class SafetyPlanStepStateConfiguration : IEntityTypeConfiguration<SafetyPlanStepState>
{
    public void Configure(EntityTypeBuilder<SafetyPlanStepState> builder)
    {
        builder.ToTable("SafetyPlanSteps");
        builder.HasKey(s => new { s.CaseId, s.StepKey });
        builder.Property(s => s.StepKey).HasMaxLength(64);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Note).HasMaxLength(SafetyPlanStepState.NoteMaxLength).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
