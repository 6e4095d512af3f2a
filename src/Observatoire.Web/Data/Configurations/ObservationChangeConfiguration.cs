namespace Observatoire.Web.Data.Configurations;

public class ObservationChangeConfiguration : IEntityTypeConfiguration<ObservationChange>
{
    public void Configure(EntityTypeBuilder<ObservationChange> b)
    {
        b.Property(c => c.UserName).HasMaxLength(160);
        b.Property(c => c.Comment).HasMaxLength(4000);
        b.HasOne(c => c.Observation).WithMany().HasForeignKey(c => c.ObservationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.ObservationId, c.At });
        // The list of field changes is only ever read with its entry: one jsonb column.
        b.OwnsMany(c => c.Changes, o => o.ToJson());
    }
}
