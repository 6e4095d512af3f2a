namespace Observatoire.Web.Data.Configurations;

public class AnalysisToolCellConfiguration : IEntityTypeConfiguration<AnalysisToolCell>
{
    public void Configure(EntityTypeBuilder<AnalysisToolCell> b)
    {
        b.ToTable("AnalysisToolCells");
        b.HasKey(c => new { c.ThemeId, c.Month, c.TerritoryId, c.ToolId });
    }
}
