namespace Observatoire.Web.Data.Configurations;

public class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> b)
    {
        b.Property(l => l.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(l => l.Slug).HasMaxLength(140);
        b.HasIndex(l => l.Slug).IsUnique();
        b.Property(l => l.Description).HasMaxLength(2000);
        b.Property(l => l.Version).IsRowVersion();
    }
}
