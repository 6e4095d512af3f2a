namespace Observatoire.Web.Data.Configurations;

public class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> b)
    {
        b.Property(a => a.FullName).HasMaxLength(160).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(a => a.Slug).HasMaxLength(180);
        b.HasIndex(a => a.Slug).IsUnique();
        b.Property(a => a.JobTitle).HasMaxLength(160);
        b.Property(a => a.Email).HasMaxLength(200);
        b.Property(a => a.Phone).HasMaxLength(40);
        b.Property(a => a.Bio).HasMaxLength(4000);
        b.HasOne(a => a.User).WithOne(u => u.Actor).HasForeignKey<AppUser>(u => u.ActorId).OnDelete(DeleteBehavior.SetNull);
        b.Property(a => a.Version).IsRowVersion();
    }
}

public class StructureMembershipConfiguration : IEntityTypeConfiguration<StructureMembership>
{
    public void Configure(EntityTypeBuilder<StructureMembership> b)
    {
        b.HasKey(m => new { m.ActorId, m.StructureId });
        b.Property(m => m.Role).HasMaxLength(160);
        b.HasOne(m => m.Actor).WithMany(a => a.Memberships).HasForeignKey(m => m.ActorId);
        b.HasOne(m => m.Structure).WithMany(s => s.Memberships).HasForeignKey(m => m.StructureId);
    }
}
