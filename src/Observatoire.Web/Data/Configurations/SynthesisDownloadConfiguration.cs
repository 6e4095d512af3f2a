namespace Observatoire.Web.Data.Configurations;

public class SynthesisDownloadConfiguration : IEntityTypeConfiguration<SynthesisDownload>
{
    public void Configure(EntityTypeBuilder<SynthesisDownload> b)
    {
        b.ToTable("SynthesisDownloads");
        b.HasKey(d => new { d.SynthesisId, d.UserId });
        b.HasIndex(d => d.UserId);
        b.HasOne(d => d.Synthesis).WithMany().HasForeignKey(d => d.SynthesisId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
