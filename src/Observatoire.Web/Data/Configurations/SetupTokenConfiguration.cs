namespace Observatoire.Web.Data.Configurations;

public class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> b)
    {
        b.Property(t => t.Hash).HasMaxLength(32);
    }
}
