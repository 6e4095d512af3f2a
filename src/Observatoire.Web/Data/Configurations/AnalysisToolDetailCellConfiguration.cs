namespace Observatoire.Web.Data.Configurations;

public class AnalysisToolDetailCellConfiguration : IEntityTypeConfiguration<AnalysisToolDetailCell>
{
    public void Configure(EntityTypeBuilder<AnalysisToolDetailCell> b)
    {
        b.ToTable("AnalysisToolDetailCells");
        // Key order = access path: one audience slice (or 0), one theme slice, then a month range.
        b.HasKey(c => new { c.AudienceId, c.ThemeId, c.Month, c.TerritoryId, c.StructureId, c.ToolId });
    }
}
