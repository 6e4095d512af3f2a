namespace Observatoire.Web.Data.Configurations;

public class WikiWatchConfiguration : IEntityTypeConfiguration<WikiWatch>
{
    public void Configure(EntityTypeBuilder<WikiWatch> b)
    {
        b.HasKey(w => new { w.UserId, w.PageId });
        b.HasOne(w => w.User).WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(w => w.Page).WithMany().HasForeignKey(w => w.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}
