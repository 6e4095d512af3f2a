namespace Observatoire.Web.Data.Configurations;

public class SynthesisConfiguration : IEntityTypeConfiguration<Synthesis>
{
    public void Configure(EntityTypeBuilder<Synthesis> b)
    {
        b.ToTable("Syntheses");
        b.Property(s => s.Reference).HasMaxLength(20);
        b.HasIndex(s => s.Reference).IsUnique();
        // Two generations racing for the same number: the second insert fails and takes the next one.
        b.HasIndex(s => new { s.Year, s.Number }).IsUnique();
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Parameters).HasColumnType("jsonb");
        b.Property(s => s.GeneratedByName).HasMaxLength(200);
        b.Property(s => s.Fingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(s => s.WikiRevisionIds).HasColumnType("integer[]");
        b.Property(s => s.ObservationIds).HasColumnType("integer[]");
        b.Property(s => s.Figures).HasColumnType("jsonb");
        b.HasIndex(s => s.GeneratedAt);
        b.HasOne(s => s.GeneratedBy).WithMany().HasForeignKey(s => s.GeneratedById).OnDelete(DeleteBehavior.SetNull);
    }
}
