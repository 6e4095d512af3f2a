namespace Observatoire.Web.Data.Configurations;

public class AppropriationLevelWordingConfiguration : IEntityTypeConfiguration<AppropriationLevelWording>
{
    public void Configure(EntityTypeBuilder<AppropriationLevelWording> b)
    {
        b.HasKey(w => w.Level);
        b.Property(w => w.Name).HasMaxLength(80);
        b.Property(w => w.Description).HasMaxLength(500);
        b.Property(w => w.Version).IsRowVersion();
    }
}
