namespace Observatoire.Web.Data.Configurations;

public class DirectoryChangeConfiguration : IEntityTypeConfiguration<DirectoryChange>
{
    /// <summary>The longest value a directory form accepts (a description), so a before/after is never cut.</summary>
    public const int ValueLength = 8000;

    public void Configure(EntityTypeBuilder<DirectoryChange> b)
    {
        b.Property(c => c.Field).HasMaxLength(120);
        b.Property(c => c.Before).HasMaxLength(ValueLength);
        b.Property(c => c.After).HasMaxLength(ValueLength);
        b.Property(c => c.UserName).HasMaxLength(160);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.RecordKind, c.RecordId, c.At });
    }
}
