namespace Observatoire.Web.Data.Configurations;

public class WikiRevisionConfiguration : IEntityTypeConfiguration<WikiRevision>
{
    public void Configure(EntityTypeBuilder<WikiRevision> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Comment).HasMaxLength(300);
        b.Property(r => r.Markdown).HasMaxLength(100_000);
        b.Property(r => r.Html).HasMaxLength(400_000);
        b.Property(r => r.PlainText).HasMaxLength(200_000);
        // Two saves racing on the same page cannot both append revision N+1.
        b.HasIndex(r => new { r.PageId, r.Number }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
        b.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
