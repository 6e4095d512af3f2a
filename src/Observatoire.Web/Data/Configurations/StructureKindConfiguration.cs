namespace Observatoire.Web.Data.Configurations;

public class StructureKindConfiguration : IEntityTypeConfiguration<StructureKind>
{
    public void Configure(EntityTypeBuilder<StructureKind> b)
    {
        b.Property(k => k.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(k => k.Slug).HasMaxLength(140);
        b.HasIndex(k => k.Slug).IsUnique();
        b.Property(k => k.Description).HasMaxLength(2000);
        b.Property(k => k.Version).IsRowVersion();
    }
}
