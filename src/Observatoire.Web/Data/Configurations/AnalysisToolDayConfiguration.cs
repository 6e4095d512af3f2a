namespace Observatoire.Web.Data.Configurations;

public class AnalysisToolDayConfiguration : IEntityTypeConfiguration<AnalysisToolDay>
{
    public void Configure(EntityTypeBuilder<AnalysisToolDay> b)
    {
        b.ToTable("AnalysisToolDays");
        // Key order = access path: one theme slice, then the days of a period's edges.
        b.HasKey(c => new { c.ThemeId, c.Day, c.TerritoryId, c.ToolId });
    }
}
