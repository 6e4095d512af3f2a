namespace Observatoire.Web.Data.Configurations;

public class FeedSourceConfiguration : IEntityTypeConfiguration<FeedSource>
{
    public void Configure(EntityTypeBuilder<FeedSource> b)
    {
        b.Property(s => s.Url).HasMaxLength(1000);
        b.HasIndex(s => s.Url).IsUnique();
        b.Property(s => s.Name).HasMaxLength(160).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(s => s.ETag).HasMaxLength(300);
        b.Property(s => s.LastModified).HasMaxLength(100);
        b.Property(s => s.LastError).HasMaxLength(1000);
        b.Property(s => s.Version).IsRowVersion();
    }
}
