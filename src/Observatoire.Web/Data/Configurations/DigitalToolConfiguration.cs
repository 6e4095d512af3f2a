namespace Observatoire.Web.Data.Configurations;

public class DigitalToolConfiguration : IEntityTypeConfiguration<DigitalTool>
{
    public void Configure(EntityTypeBuilder<DigitalTool> b)
    {
        b.Property(t => t.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(t => t.Slug).HasMaxLength(140);
        b.HasIndex(t => t.Slug).IsUnique();
        // A value in use is merged or retired, never deleted from under its tools.
        b.HasOne(t => t.Category).WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Licence).WithMany().HasForeignKey(t => t.LicenceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Website).HasMaxLength(500);
        b.Property(t => t.Description).HasMaxLength(8000);
        b.Property(t => t.SearchVector)
            .HasComputedColumnSql(SearchVectorSql.For(("Name", 'A'), ("Description", 'B')), stored: true);
        b.HasIndex(t => t.SearchVector).HasMethod("GIN");
        b.Property(t => t.Version).IsRowVersion();
    }
}
