namespace Observatoire.Web.Data.Configurations;

public class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.Text).HasMaxLength(500);
        b.Property(q => q.HelpText).HasMaxLength(1000);
        b.Property(q => q.ScaleMinLabel).HasMaxLength(80);
        b.Property(q => q.ScaleMaxLabel).HasMaxLength(80);
        b.Property(q => q.MinNumber).HasPrecision(14, 2);
        b.Property(q => q.MaxNumber).HasPrecision(14, 2);
        b.HasOne(q => q.Survey).WithMany(s => s.Questions).HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // Sections cascade through the survey; a section with questions is not deleted on its own.
        b.HasOne(q => q.Section).WithMany(s => s.Questions).HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(q => q.ConditionQuestion).WithMany().HasForeignKey(q => q.ConditionQuestionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(q => q.ConditionOption).WithMany().HasForeignKey(q => q.ConditionOptionId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(q => new { q.SectionId, q.Order });
    }
}
