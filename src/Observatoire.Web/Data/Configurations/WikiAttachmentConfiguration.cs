namespace Observatoire.Web.Data.Configurations;

public class WikiAttachmentConfiguration : IEntityTypeConfiguration<WikiAttachment>
{
    public void Configure(EntityTypeBuilder<WikiAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(160);
        b.Property(a => a.ContentType).HasMaxLength(120);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasIndex(a => new { a.PageId, a.FileName }).IsUnique();
        b.HasOne(a => a.Page).WithMany(p => p.Attachments).HasForeignKey(a => a.PageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.UploadedBy).WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }
}
