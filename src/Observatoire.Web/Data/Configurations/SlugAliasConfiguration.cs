namespace Observatoire.Web.Data.Configurations;

public class SlugAliasConfiguration : IEntityTypeConfiguration<SlugAlias>
{
    public void Configure(EntityTypeBuilder<SlugAlias> b)
    {
        b.Property(a => a.Entity).HasMaxLength(60);
        b.Property(a => a.Slug).HasMaxLength(200);
        b.HasIndex(a => new { a.Entity, a.Slug }).IsUnique();
    }
}
