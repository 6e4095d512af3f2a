namespace Observatoire.Web.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Text).HasMaxLength(4000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The centre (a person's notices, newest first) and the header's unread count.
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => n.UserId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_Notifications_UserId_Unread");
        // The mailer's claim: notices whose mail waits.
        b.HasIndex(n => new { n.Delivery, n.CreatedAt }).HasFilter("\"MailedAt\" IS NULL");
    }
}

public class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Kind });
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> b)
    {
        b.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.UserId, d.Period, d.PeriodStart }).IsUnique();
    }
}

public class NotificationTriggerConfiguration : IEntityTypeConfiguration<NotificationTrigger>
{
    public void Configure(EntityTypeBuilder<NotificationTrigger> b)
    {
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(200);
    }
}
