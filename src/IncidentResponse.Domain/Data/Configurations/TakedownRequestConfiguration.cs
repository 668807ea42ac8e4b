using System.Linq.Expressions;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class TakedownRequestConfiguration : IEntityTypeConfiguration<TakedownRequest>
{
    public void Configure(EntityTypeBuilder<TakedownRequest> builder)
    {
        builder.ToTable("TakedownRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CopyrightBasis).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.PlatformId).HasMaxLength(64).IsRequired();
        builder.ComplexProperty(r => r.Sender, sender =>
        {
            // The columns keep the names they had as eight plain properties: SenderName, SenderNamePrivate, ...
            Field(sender, s => s.Name, "SenderName");
            Field(sender, s => s.Email, "SenderEmail");
            Field(sender, s => s.PostalAddress, "SenderPostalAddress");
            Field(sender, s => s.Phone, "SenderPhone");
        });
        builder.Property(r => r.CopyrightedWork).HasMaxLength(TakedownRequest.FieldMaxLength);
        builder.Property(r => r.Reasons).HasMaxLength(TakedownRequest.TextMaxLength);
        builder.Property(r => r.SearchTerms).HasMaxLength(TakedownRequest.FieldMaxLength);
        builder.Property(r => r.Reference).HasMaxLength(TakedownRequest.ReferenceMaxLength);
        builder.Property(r => r.Confirmation).HasMaxLength(TakedownRequest.ConfirmationMaxLength);
        builder.HasIndex(r => new { r.CaseId, r.CreatedUtc });
        builder.HasIndex(r => new { r.CaseId, r.SentUtc, r.Id });
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TakedownRequest>().WithMany().HasForeignKey(r => r.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TakedownRequest>().WithMany().HasForeignKey(r => r.FollowsUpId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Sightings).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void Field(ComplexPropertyBuilder<SenderIdentity> sender, Expression<Func<SenderIdentity, IdentityField?>> field, string column) =>
        sender.ComplexProperty(field, f =>
        {
            f.Property(x => x.Value).HasColumnName(column).HasMaxLength(TakedownRequest.FieldMaxLength);
            f.Property(x => x.IsPrivate).HasColumnName(column + "Private");
        });
}

internal sealed class TakedownRequestSightingConfiguration : IEntityTypeConfiguration<TakedownRequestSighting>
{
    public void Configure(EntityTypeBuilder<TakedownRequestSighting> builder)
    {
        builder.ToTable("TakedownRequestSightings");
        builder.HasKey(s => new { s.RequestId, s.SightingId });
        builder.HasIndex(s => s.SightingId);
        builder.HasOne<Sighting>().WithMany().HasForeignKey(s => s.SightingId).OnDelete(DeleteBehavior.Cascade);
    }
}
