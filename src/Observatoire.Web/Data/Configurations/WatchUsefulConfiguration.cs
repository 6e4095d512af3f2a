namespace Observatoire.Web.Data.Configurations;

public class WatchUsefulConfiguration : IEntityTypeConfiguration<WatchUseful>
{
    public void Configure(EntityTypeBuilder<WatchUseful> b)
    {
        b.HasKey(u => new { u.ItemId, u.UserId });
        b.HasOne(u => u.User).WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
