namespace Observatoire.Web.Data.Configurations;

public class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> b)
    {
        b.Property(t => t.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(t => t.Slug).HasMaxLength(140);
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Description).HasMaxLength(2000);
        b.Property(t => t.Version).IsRowVersion();
    }
}
