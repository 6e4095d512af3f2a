namespace Observatoire.Web.Data.Configurations;

public class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> b)
    {
        b.Property(a => a.Text).HasMaxLength(4000);
        b.Property(a => a.MaskedText).HasMaxLength(4000);
        // Answers are inserted in bulk by SQL that names no review column (ResponseSql): the database says « not read yet ».
        b.Property(a => a.TextReview).HasDefaultValueSql("'Pending'").HasSentinel(TextReview.Pending);
        // The review page and the results' count of texts to read look at free texts only.
        b.HasIndex(a => new { a.QuestionId, a.TextReview }).HasFilter("\"Text\" IS NOT NULL");
        b.Property(a => a.Number).HasPrecision(14, 2);
        b.HasOne(a => a.Response).WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        // Questions and options that hold answers are not deleted: the builder refuses, the database too.
        b.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Option).WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Territory).WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Tool).WithMany().HasForeignKey(a => a.ToolId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.QuestionId, a.OptionId });
        b.HasIndex(a => a.ResponseId);
        b.HasIndex(a => a.TerritoryId);
        b.HasIndex(a => a.ToolId);
        // A respondent names a territory or a tool once per question: a merge of two of them then keeps one answer.
        b.HasIndex(a => new { a.ResponseId, a.QuestionId, a.TerritoryId }).IsUnique().HasFilter("\"TerritoryId\" IS NOT NULL");
        b.HasIndex(a => new { a.ResponseId, a.QuestionId, a.ToolId }).IsUnique().HasFilter("\"ToolId\" IS NOT NULL");
    }
}
