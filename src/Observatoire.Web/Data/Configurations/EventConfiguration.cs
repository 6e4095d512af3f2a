namespace Observatoire.Web.Data.Configurations;

public class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Slug).HasMaxLength(140);
        b.HasIndex(e => e.Slug).IsUnique();
        b.Property(e => e.Place).HasMaxLength(300);
        b.Property(e => e.OnlineUrl).HasMaxLength(500);
        b.Property(e => e.Description).HasMaxLength(20000);
        b.Property(e => e.DescriptionHtml).HasMaxLength(60000);
        b.Property(e => e.DescriptionText).HasMaxLength(20000);
        b.HasIndex(e => e.StartsAt);
        b.HasOne(e => e.Group).WithMany(g => g.Events).HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.MinutesPage).WithMany().HasForeignKey(e => e.MinutesPageId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.Structure).WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.Territory).WithMany().HasForeignKey(e => e.TerritoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.CreatedBy).WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Tools).WithMany().UsingEntity("EventTools");
        b.HasMany(e => e.Themes).WithMany().UsingEntity("EventThemes");
        b.HasMany(e => e.Registrations).WithOne(r => r.Event).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Events_Ends_after_start", "\"EndsAt\" > \"StartsAt\"");
            t.HasCheckConstraint("CK_Events_Capacity", "\"Capacity\" IS NULL OR \"Capacity\" > 0");
        });
        b.Property(e => e.SearchVector).HasComputedColumnSql(
            SearchVectorSql.For(("Title", 'A'), ("Place", 'B'), ("DescriptionText", 'B')), stored: true);
        b.HasIndex(e => e.SearchVector).HasMethod("GIN");
        b.Property(e => e.Version).IsRowVersion();
    }
}
