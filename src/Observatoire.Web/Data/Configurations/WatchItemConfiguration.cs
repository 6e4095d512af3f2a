namespace Observatoire.Web.Data.Configurations;

public class WatchItemConfiguration : IEntityTypeConfiguration<WatchItem>
{
    public void Configure(EntityTypeBuilder<WatchItem> b)
    {
        b.Property(w => w.Url).HasMaxLength(1000);
        b.Property(w => w.Title).HasMaxLength(300);
        b.Property(w => w.Note).HasMaxLength(4000);
        b.Property(w => w.Guid).HasMaxLength(1000);
        b.HasOne(w => w.Territory).WithMany().HasForeignKey(w => w.TerritoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(w => w.Group).WithMany().HasForeignKey(w => w.GroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(w => w.PostedBy).WithMany().HasForeignKey(w => w.PostedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(w => w.Source).WithMany().HasForeignKey(w => w.SourceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(w => w.WikiPage).WithMany().HasForeignKey(w => w.WikiPageId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(w => w.Themes).WithMany().UsingEntity("WatchItemThemes");
        b.HasMany(w => w.Tools).WithMany().UsingEntity("WatchItemTools");
        b.HasMany(w => w.Observations).WithMany().UsingEntity("WatchItemObservations");
        b.HasMany(w => w.Comments).WithOne(c => c.Item).HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(w => w.Usefuls).WithOne(u => u.Item).HasForeignKey(u => u.ItemId).OnDelete(DeleteBehavior.Cascade);
        // A feed entry is imported once, however often the feed is read and however many instances read it.
        b.HasIndex(w => new { w.SourceId, w.Guid }).IsUnique();
        b.HasIndex(w => new { w.Status, w.PublishedAt });
        b.Property(w => w.SearchVector)
            .HasComputedColumnSql(SearchVectorSql.For(("Title", 'A'), ("Note", 'B')), stored: true);
        b.HasIndex(w => w.SearchVector).HasMethod("GIN");
        b.Property(w => w.Version).IsRowVersion();
    }
}
