namespace Observatoire.Web.Data.Configurations;

public class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> b)
    {
        b.Property(t => t.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(t => t.Slug).HasMaxLength(140);
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Description).HasMaxLength(4000);
        b.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Version).IsRowVersion();
        b.Property(t => t.Contour).HasColumnType("jsonb");
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Territories_GridRow", $"\"GridRow\" BETWEEN 1 AND {Territory.GridMax}");
            t.HasCheckConstraint("CK_Territories_GridColumn", $"\"GridColumn\" BETWEEN 1 AND {Territory.GridMax}");
        });
    }
}
