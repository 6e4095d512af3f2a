namespace Observatoire.Web.Data.Configurations;

public class AudienceConfiguration : IEntityTypeConfiguration<Audience>
{
    public void Configure(EntityTypeBuilder<Audience> b)
    {
        b.Property(a => a.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(a => a.Slug).HasMaxLength(140);
        b.HasIndex(a => a.Slug).IsUnique();
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Version).IsRowVersion();
    }
}
