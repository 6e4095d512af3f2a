namespace Observatoire.Web.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable(Table);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(Infrastructure.Audit.NameLength);
        b.Property(a => a.Action).HasMaxLength(Infrastructure.Audit.ActionLength);
        b.Property(a => a.Target).HasMaxLength(Infrastructure.Audit.TargetLength);
        b.Property(a => a.Details).HasMaxLength(Infrastructure.Audit.DetailsLength);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Action, a.At });
        b.HasIndex(a => a.UserId);
    }
}
