namespace Observatoire.Web.Data.Configurations;

public class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> b)
    {
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Actor).WithMany().HasForeignKey(m => m.ActorId).OnDelete(DeleteBehavior.Cascade);
        // One membership per person and group, however it was made.
        b.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasIndex(m => new { m.GroupId, m.ActorId }).IsUnique().HasFilter("\"ActorId\" IS NOT NULL");
        b.ToTable(t => t.HasCheckConstraint("CK_GroupMemberships_Someone", "\"UserId\" IS NOT NULL OR \"ActorId\" IS NOT NULL"));
    }
}
