namespace Observatoire.Web.Data.Configurations;

public class SurveyAnswerDayConfiguration : IEntityTypeConfiguration<SurveyAnswerDay>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerDay> b)
    {
        b.ToTable("SurveyAnswerDays");
        b.HasKey(d => new { d.QuestionId, d.Day, d.ValueKey, d.Shard });
        // Rows written by the rebuild (and by SQL that predates the shards) land in shard 0.
        b.Property(d => d.Shard).HasDefaultValue((short)0);
    }
}
