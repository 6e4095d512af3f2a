namespace Observatoire.Web.Data.Configurations;

public class ImportExternalIdConfiguration : IEntityTypeConfiguration<ImportExternalId>
{
    public void Configure(EntityTypeBuilder<ImportExternalId> b)
    {
        b.HasKey(x => new { x.Kind, x.ExternalId });
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.Property(x => x.Entity).HasMaxLength(60);
        b.HasIndex(x => new { x.Entity, x.RecordId });
    }
}
