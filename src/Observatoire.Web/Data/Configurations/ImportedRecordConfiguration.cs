namespace Observatoire.Web.Data.Configurations;

public class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> b)
    {
        b.Property(x => x.Entity).HasMaxLength(60);
        b.Property(x => x.Before).HasColumnType("jsonb");
        b.HasOne(x => x.Batch).WithMany(x => x.Records).HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Entity, x.RecordId });
    }
}
