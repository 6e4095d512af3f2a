namespace Observatoire.Web.Data.Configurations;

public class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(160).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(g => g.Slug).HasMaxLength(140);
        b.HasIndex(g => g.Slug).IsUnique();
        b.Property(g => g.Purpose).HasMaxLength(4000);
        b.HasOne(g => g.WikiPage).WithMany().HasForeignKey(g => g.WikiPageId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(g => g.Memberships).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.Property(g => g.SearchVector)
            .HasComputedColumnSql(SearchVectorSql.For(("Name", 'A'), ("Purpose", 'B')), stored: true);
        b.HasIndex(g => g.SearchVector).HasMethod("GIN");
        b.Property(g => g.Version).IsRowVersion();
    }
}
