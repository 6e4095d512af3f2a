namespace Observatoire.Web.Data.Configurations;

public class SurveySectionConfiguration : IEntityTypeConfiguration<SurveySection>
{
    public void Configure(EntityTypeBuilder<SurveySection> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Intro).HasMaxLength(4000);
        b.HasOne(s => s.Survey).WithMany(s => s.Sections).HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.SurveyId, s.Order });
    }
}
