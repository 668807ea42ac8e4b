using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("Submissions");

        // One key per person: two posts with the same key collide here, and the second is refused whole.
        builder.HasKey(s => new { s.UserId, s.Id });
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Location).HasMaxLength(Submission.LocationMaxLength).IsRequired();
        builder.HasIndex(s => s.CaseId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
