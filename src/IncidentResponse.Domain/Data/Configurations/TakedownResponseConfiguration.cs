using IncidentResponse.Domain.Takedowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class TakedownResponseConfiguration : IEntityTypeConfiguration<TakedownResponse>
{
    public void Configure(EntityTypeBuilder<TakedownResponse> builder)
    {
        builder.ToTable("TakedownResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasMaxLength(TakedownResponse.NoteMaxLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(TakedownResponse.NoteMaxLength).IsRequired();
        builder.HasIndex(r => new { r.RequestId, r.RecordedUtc });
        builder.HasIndex(r => new { r.CaseId, r.ReceivedUtc, r.Id });
        builder.HasOne<TakedownRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
