namespace Observatoire.Web.Data.Configurations;

public class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.Property(s => s.Name).HasMaxLength(200).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(s => s.Slug).HasMaxLength(220);
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Description).HasMaxLength(8000);
        b.Property(s => s.Website).HasMaxLength(500);
        b.Property(s => s.Email).HasMaxLength(200);
        b.Property(s => s.Address).HasMaxLength(300);
        // A kind in use is merged or retired, never deleted from under its structures.
        b.HasOne(s => s.Kind).WithMany().HasForeignKey(s => s.KindId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Territory).WithMany().HasForeignKey(s => s.TerritoryId).OnDelete(DeleteBehavior.SetNull);
        b.Property(s => s.SearchVector)
            .HasComputedColumnSql(SearchVectorSql.For(("Name", 'A'), ("Description", 'B')), stored: true);
        b.HasIndex(s => s.SearchVector).HasMethod("GIN");
        b.Property(s => s.Version).IsRowVersion();
    }
}
