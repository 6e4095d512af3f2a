namespace Observatoire.Web.Data.Configurations;

public class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> b)
    {
        b.HasOne(r => r.Survey).WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.IdempotencyKey).IsUnique();
        b.HasOne(r => r.InvitationCode).WithMany().HasForeignKey(r => r.InvitationCodeId).OnDelete(DeleteBehavior.SetNull);
        // A code answers once, even if two submissions race past the UsedAt check.
        b.HasIndex(r => r.InvitationCodeId).IsUnique();
        b.HasIndex(r => r.SurveyId);
    }
}
