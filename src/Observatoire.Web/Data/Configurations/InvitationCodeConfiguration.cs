namespace Observatoire.Web.Data.Configurations;

public class InvitationCodeConfiguration : IEntityTypeConfiguration<InvitationCode>
{
    public void Configure(EntityTypeBuilder<InvitationCode> b)
    {
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Batch).HasMaxLength(120);
        b.HasOne(c => c.Survey).WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.SurveyId, c.Code }).IsUnique();
    }
}
