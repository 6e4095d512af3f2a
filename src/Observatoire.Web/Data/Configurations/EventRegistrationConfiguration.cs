namespace Observatoire.Web.Data.Configurations;

public class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.Property(r => r.Name).HasMaxLength(120);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.CancelToken).HasMaxLength(64);
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // One registration per person and event: cancelling and coming back reuses it.
        b.HasIndex(r => new { r.EventId, r.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasIndex(r => new { r.EventId, r.Email }).IsUnique().HasFilter("\"Email\" IS NOT NULL");
        b.HasIndex(r => r.CancelToken).IsUnique();
        b.HasIndex(r => new { r.EventId, r.Status, r.Id });
        b.ToTable(t => t.HasCheckConstraint("CK_EventRegistrations_Someone",
            "\"UserId\" IS NOT NULL OR (\"Name\" IS NOT NULL AND \"Email\" IS NOT NULL)"));
    }
}
