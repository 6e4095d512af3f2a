namespace Observatoire.Web.Data.Configurations;

public class ResumeDraftConfiguration : IEntityTypeConfiguration<ResumeDraft>
{
    public void Configure(EntityTypeBuilder<ResumeDraft> b)
    {
        b.Property(d => d.Code).HasMaxLength(16);
        b.Property(d => d.AnswersJson).HasColumnType("jsonb");
        b.HasOne(d => d.Survey).WithMany().HasForeignKey(d => d.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.SurveyId, d.Code }).IsUnique();
        b.HasIndex(d => d.ExpiresAt);
    }
}
