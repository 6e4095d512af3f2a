namespace Observatoire.Web.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(160).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.HasMany(u => u.Structures).WithMany(s => s.Users).UsingEntity("UserStructures");
    }
}

public class MailMessageConfiguration : IEntityTypeConfiguration<MailMessage>
{
    public void Configure(EntityTypeBuilder<MailMessage> b)
    {
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Error).HasMaxLength(2000);
        b.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        b.HasIndex(m => m.CreatedAt);
        // The sender's claim: unsent messages in the order they fall due.
        b.HasIndex(m => m.NextAttemptAt).HasFilter("\"SentAt\" IS NULL");
    }
}
