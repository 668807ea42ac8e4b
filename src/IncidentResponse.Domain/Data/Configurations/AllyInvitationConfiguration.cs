using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class AllyInvitationConfiguration : IEntityTypeConfiguration<AllyInvitation>
{
    public void Configure(EntityTypeBuilder<AllyInvitation> builder)
    {
        // The table keeps the name it had before the entity was called an ally invitation (issue 17): no schema change.
        builder.ToTable("CaseInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CaseId);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Label).HasMaxLength(AllyInvitation.LabelMaxLength).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
