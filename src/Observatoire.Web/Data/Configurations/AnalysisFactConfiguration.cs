namespace Observatoire.Web.Data.Configurations;

public class AnalysisFactConfiguration : IEntityTypeConfiguration<AnalysisFact>
{
    public void Configure(EntityTypeBuilder<AnalysisFact> b)
    {
        b.ToTable("AnalysisFacts");
        b.HasKey(f => f.ObservationId);
        b.Property(f => f.ObservationId).ValueGeneratedNever();
        // Partial months at the edges of a period are read from here by date.
        b.HasIndex(f => f.ObservedOn);
    }
}
