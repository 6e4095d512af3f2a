namespace Observatoire.Web.Data.Configurations;

public class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> b)
    {
        b.Property(o => o.Label).HasMaxLength(200);
        b.Property(o => o.Code).HasMaxLength(60);
        b.HasOne(o => o.Question).WithMany(q => q.Options).HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        // Export columns are named by code: unique within a question.
        b.HasIndex(o => new { o.QuestionId, o.Code }).IsUnique();
    }
}
