namespace Observatoire.Web.Analysis;

// Two more tool rollups kept by the analysis triggers (analysis_apply, Baseline migration), read with SQL by Indicators' tool queries.

/// <summary>
/// Monthly tool mentions per (audience, theme, territory, structure): the tool indicators filtered by audience or
/// structure kind. AudienceId / ThemeId 0 mean "every audience" / "every theme" as in <see cref="AnalysisCell"/>.
/// </summary>
public class AnalysisToolDetailCell
{
    public int AudienceId { get; set; }
    public int ThemeId { get; set; }
    public DateOnly Month { get; set; }
    public int TerritoryId { get; set; }
    public int StructureId { get; set; }
    public int ToolId { get; set; }
    public int Observations { get; set; }
}

/// <summary>Daily tool mentions per (theme, territory), ThemeId 0 = every theme: the partial months at a period's edges.</summary>
public class AnalysisToolDay
{
    public int ThemeId { get; set; }
    public DateOnly Day { get; set; }
    public int TerritoryId { get; set; }
    public int ToolId { get; set; }
    public int Observations { get; set; }
}
