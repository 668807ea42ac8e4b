using IncidentResponse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentResponse.Domain.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(Case.TitleMaxLength).IsRequired();
        builder.Property(c => c.JurisdictionCode).HasMaxLength(8).IsRequired();
        builder.Property(c => c.Perpetrator).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LegalAction).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.UnderEighteenNow).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.MadeUnderEighteen).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(c => c.WordsOnly);
        builder.Ignore(c => c.AgeQuestionsUnanswered);
        builder.HasMany(c => c.Members).WithOne(m => m.Case).HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
