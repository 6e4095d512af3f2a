namespace Observatoire.Web.Data.Configurations;

public class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> b)
    {
        b.HasKey(x => x.Kind);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Columns).HasColumnType("jsonb");
    }
}
