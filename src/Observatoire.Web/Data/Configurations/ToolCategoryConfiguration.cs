namespace Observatoire.Web.Data.Configurations;

public class ToolCategoryConfiguration : IEntityTypeConfiguration<ToolCategory>
{
    public void Configure(EntityTypeBuilder<ToolCategory> b)
    {
        b.Property(c => c.Name).HasMaxLength(120).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(c => c.Slug).HasMaxLength(140);
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Version).IsRowVersion();
    }
}
