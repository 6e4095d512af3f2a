namespace Observatoire.Web.Analysis;

// Derived tables kept by PostgreSQL triggers (functions of the Baseline migration) so the dashboard never scans the observations.
// They are read with SQL by Indicators; nothing in the portal writes them from C#.

/// <summary>One narrow row per validated observation: the source of the rollups and of partial months.</summary>
public class AnalysisFact
{
    public int ObservationId { get; set; }
    public DateOnly ObservedOn { get; set; }
    /// <summary>First day of the month of <see cref="ObservedOn"/>.</summary>
    public DateOnly Month { get; set; }
    public int TerritoryId { get; set; }
    public int StructureId { get; set; }
    public int Participants { get; set; }
    /// <summary>Appropriation level, 1 (découverte) to 4 (autonomie).</summary>
    public int Level { get; set; }
    public int[] ThemeIds { get; set; } = [];
    public int[] AudienceIds { get; set; } = [];
    public int[] ToolIds { get; set; } = [];
}

/// <summary>
/// Monthly rollup per (territory, structure, theme, audience). ThemeId / AudienceId 0 means "every theme" /
/// "every audience": each observation is added once there, so sums over the 0 slice count observations once.
/// </summary>
public class AnalysisCell
{
    public DateOnly Month { get; set; }
    public int TerritoryId { get; set; }
    public int StructureId { get; set; }
    public int ThemeId { get; set; }
    public int AudienceId { get; set; }
    public int Observations { get; set; }
    public long Participants { get; set; }
    public int Level1 { get; set; }
    public int Level2 { get; set; }
    public int Level3 { get; set; }
    public int Level4 { get; set; }
}

/// <summary>Monthly rollup of tool mentions per (territory, theme, tool); ThemeId 0 means every theme.</summary>
public class AnalysisToolCell
{
    public DateOnly Month { get; set; }
    public int TerritoryId { get; set; }
    public int ThemeId { get; set; }
    public int ToolId { get; set; }
    public int Observations { get; set; }
}

/// <summary>
/// Survey answers per day (Tours time) and question: one row per answered value (<see cref="ValueKey"/> = option,
/// territory or tool id, 0 for "Autre"), plus <see cref="ValueKey"/> = -1 holding the question's respondents.
/// Kept by triggers on Answers and Responses (<c>survey_rollup_add</c>, Baseline migration); responses are never edited.
/// A figure is the sum of its rows over <see cref="Shard"/>: each writer adds to its own shard, past days are folded
/// into shard 0 by <see cref="SurveyRollupCompaction"/>.
/// </summary>
public class SurveyAnswerDay
{
    public const int Respondents = -1;
    /// <summary>Shards a day's rows are spread over while responses arrive; past days are folded into shard 0.</summary>
    public const int ShardCount = 64;
    public int QuestionId { get; set; }
    public DateOnly Day { get; set; }
    public int ValueKey { get; set; }
    /// <summary>Writer's shard (its backend pid modulo <see cref="ShardCount"/>), 0 once folded or rebuilt.</summary>
    public short Shard { get; set; }
    public int Count { get; set; }
}
