using IncidentResponse.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.CreatedUtc);
        builder.Property(u => u.TimeZone).HasMaxLength(TimeZoneChoices.MaxLength);
        builder.Property(u => u.Language).HasMaxLength(16);
    }
}
