using IncidentResponse.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class RetiredUsernameConfiguration : IEntityTypeConfiguration<RetiredUsername>
{
    public void Configure(EntityTypeBuilder<RetiredUsername> builder)
    {
        builder.ToTable("RetiredUsernames");
        builder.HasKey(r => r.NameHash);
        builder.Property(r => r.NameHash).HasMaxLength(32);
        builder.HasIndex(r => r.FreeAfterUtc);
    }
}
