namespace Observatoire.Web.Data.Configurations;

public class AnalysisCellConfiguration : IEntityTypeConfiguration<AnalysisCell>
{
    public void Configure(EntityTypeBuilder<AnalysisCell> b)
    {
        b.ToTable("AnalysisCells");
        // Key order = access path: every dashboard query picks one theme slice and one audience slice, then a month range.
        b.HasKey(c => new { c.ThemeId, c.AudienceId, c.Month, c.TerritoryId, c.StructureId });
    }
}
