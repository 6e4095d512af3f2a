namespace Observatoire.Web.Data.Configurations;

public class WatchCommentConfiguration : IEntityTypeConfiguration<WatchComment>
{
    public void Configure(EntityTypeBuilder<WatchComment> b)
    {
        b.Property(c => c.Body).HasMaxLength(2000);
        b.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.ItemId, c.CreatedAt });
    }
}
