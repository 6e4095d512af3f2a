namespace Observatoire.Web.Data.Configurations;

public class WikiLinkConfiguration : IEntityTypeConfiguration<WikiLink>
{
    public void Configure(EntityTypeBuilder<WikiLink> b)
    {
        b.HasKey(l => new { l.FromPageId, l.TargetSlug });
        b.Property(l => l.TargetSlug).HasMaxLength(140);
        b.HasIndex(l => l.TargetSlug);
        b.HasOne(l => l.FromPage).WithMany(p => p.Links).HasForeignKey(l => l.FromPageId).OnDelete(DeleteBehavior.Cascade);
    }
}
