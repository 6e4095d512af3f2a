namespace Observatoire.Web.Data.Configurations;

public class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(160);
        b.Property(x => x.DryRunDigest).HasMaxLength(64);
        // An account deleted keeps its imports in the list, under the name it had.
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.CreatedAt);
        b.Property(x => x.Version).IsRowVersion();
    }
}
