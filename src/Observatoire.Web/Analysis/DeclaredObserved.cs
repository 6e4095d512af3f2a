namespace Observatoire.Web.Analysis;

/// <summary>
/// Declared against observed (<see cref="Indicators.DeclaredObserved"/>): for each tool, the share of survey respondents
/// who say they use it beside the share of validated observations that saw it used, over the whole scope and quartier by
/// quartier. Survey answers are linked to tools by the « Outils numériques » questions and to places by the « Quartier »
/// questions: those are the questions that feed it (<see cref="FeedingQuestionsAsync"/>).
/// </summary>
public static class DeclaredObserved
{
    /// <summary>The gap, in percentage points, from which a tool is pointed out.</summary>
    public const int GapPoints = 20;

    /// <param name="Declarants">Respondents who ticked the tool.</param>
    /// <param name="Observations">Validated observations that cite it.</param>
    public sealed record ToolCount(string Slug, string Name, int Declarants, int Observations);

    /// <summary>One side by side: the bases (respondents to a tools question, validated observations) and every tool of either side.</summary>
    public sealed record Comparison(int Respondents, int Observations, IReadOnlyList<ToolCount> Tools);

    /// <summary>A quartier (or commune) residents named in a « Quartier » question, with its own comparison.</summary>
    public sealed record Place(string Slug, string Name, Comparison Comparison);

    public sealed record Result(Comparison Overall, IReadOnlyList<Place> Places);

    /// <summary>A survey question whose answers feed the comparison.</summary>
    public sealed record FeedingQuestion(int QuestionId, int SurveyId, string Survey, string Question, QuestionType Type);

    /// <summary>
    /// The comparison for <paramref name="scope"/>, then for each place named by at least <paramref name="threshold"/>
    /// respondents to a tools question (a smaller place would show nothing but « &lt; N » on the survey side).
    /// <paramref name="surveyIds"/> restricts the declared side to some surveys (a synthesis's chosen ones); null: all.
    /// </summary>
    public static async Task<Result> ComputeAsync(ObservatoireDbContext db, Indicators.Scope scope, int threshold, CancellationToken ct = default,
        int[]? surveyIds = null)
    {
        var toolAnswers = ToolAnswers(db, scope, surveyIds);
        var overall = await CompareAsync(db, scope, toolAnswers, ct);

        // Respondents per named place: a response counts once per place it names.
        var places = await (
                from a in toolAnswers
                join t in db.Answers on a.ResponseId equals t.ResponseId
                where t.Question.Type == QuestionType.Territory && t.TerritoryId != null
                group a.ResponseId by new { t.Territory!.Slug, t.Territory.Name, Parent = t.Territory.Parent == null ? null : t.Territory.Parent.Name }
                into g
                select new { g.Key.Slug, g.Key.Name, g.Key.Parent, Respondents = g.Distinct().Count() })
            .Where(p => p.Respondents >= threshold)
            .ToListAsync(ct);
        var result = new List<Place>();
        foreach (var p in places.OrderBy(p => Territory.Label(p.Name, p.Parent), French.Order))
        {
            // The place as the dashboard filters it (a commune with its quartiers), within the filter already chosen.
            var ids = (await Indicators.TerritoryIdsAsync(db, [p.Slug], ct))!;
            if (scope.TerritoryIds is { } chosen) ids = [.. ids.Intersect(chosen)];
            var here = scope with { TerritoryIds = ids };
            result.Add(new Place(p.Slug, Territory.Label(p.Name, p.Parent), await CompareAsync(db, here, ToolAnswers(db, here, surveyIds), ct)));
        }
        return new Result(overall, result);
    }

    /// <summary>Whether answers to a question of this type feed the comparison (the survey pages say so beside it).</summary>
    public static bool Feeds(QuestionType type) => type is QuestionType.Tools or QuestionType.Territory;

    /// <summary>The « Outils numériques » and « Quartier » questions, of one survey or of all.</summary>
    public static Task<List<FeedingQuestion>> FeedingQuestionsAsync(ObservatoireDbContext db, int? surveyId = null, CancellationToken ct = default) =>
        db.Questions.AsNoTracking()
            .Where(q => (q.Type == QuestionType.Tools || q.Type == QuestionType.Territory) && (surveyId == null || q.SurveyId == surveyId))
            .OrderBy(q => q.Survey.Title).ThenBy(q => q.Section.Order).ThenBy(q => q.Order)
            .Select(q => new FeedingQuestion(q.Id, q.SurveyId, q.Survey.Title, q.Text, q.Type))
            .ToListAsync(ct);

    /// <summary>
    /// Answers to « Outils numériques » questions given in the period; with a territory filter, only by respondents who
    /// named one of its territories in a « Quartier » question.
    /// </summary>
    private static IQueryable<Answer> ToolAnswers(ObservatoireDbContext db, Indicators.Scope scope, int[]? surveyIds)
    {
        var (from, to) = Indicators.Instants(scope);
        var answers = db.Answers.AsNoTracking()
            .Where(a => a.Question.Type == QuestionType.Tools && a.Response.CreatedAt >= from && a.Response.CreatedAt < to);
        if (surveyIds is not null) answers = answers.Where(a => surveyIds.Contains(a.Response.SurveyId));
        if (scope.TerritoryIds is { } territories)
            answers = answers.Where(a => db.Answers.Any(t => t.ResponseId == a.ResponseId && t.Question.Type == QuestionType.Territory
                && t.TerritoryId != null && territories.Contains(t.TerritoryId.Value)));
        return answers;
    }

    private static async Task<Comparison> CompareAsync(ObservatoireDbContext db, Indicators.Scope scope, IQueryable<Answer> toolAnswers,
        CancellationToken ct)
    {
        var respondents = await toolAnswers.Select(a => a.ResponseId).Distinct().CountAsync(ct);
        var declared = await toolAnswers.Where(a => a.ToolId != null)
            .GroupBy(a => new { a.Tool!.Slug, a.Tool.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToListAsync(ct);
        var observed = await Indicators.TopToolsAsync(db, scope, int.MaxValue, ct);
        var observations = (await Indicators.TotalsAsync(db, scope, ct)).Observations;

        var tools = declared.Select(d => (d.Slug, d.Name)).Union(observed.Select(o => (Slug: o.Key, Name: o.Label)))
            .DistinctBy(t => t.Slug)
            .Select(t => new ToolCount(t.Slug, t.Name, declared.FirstOrDefault(d => d.Slug == t.Slug)?.Count ?? 0,
                observed.FirstOrDefault(o => o.Key == t.Slug)?.Count ?? 0))
            .ToList();
        return new Comparison(respondents, observations, tools);
    }

    /// <summary>
    /// A tool's line as published to one reader: survey counts under the threshold are hidden for everyone, observation
    /// counts for those outside the members' space (<see cref="PublicationRule"/>); a share or a gap needs both figures.
    /// </summary>
    public sealed record Line(string Slug, string Name, string Declared, double? DeclaredShare, string Observed, double? ObservedShare)
    {
        /// <summary>Declared share minus observed share, in points; null when either is not published.</summary>
        public double? Gap => DeclaredShare is double d && ObservedShare is double o ? Math.Round(d - o, 1) : null;

        public string GapText => Gap is double g ? (g > 0 ? "+" : g < 0 ? "−" : "") + Math.Abs(g).ToString("0.#", French.Culture) + " pts" : "—";

        /// <summary>« Déclaré, peu observé », « Observé, peu déclaré », or null when the gap does not stand out.</summary>
        public string? Flag => Gap switch
        {
            >= GapPoints => "Déclaré, peu observé",
            <= -GapPoints => "Observé, peu déclaré",
            _ => null,
        };
    }

    /// <summary>The lines of a comparison, largest positive gap first (tools residents use that no workshop supports), then by name.</summary>
    public static IReadOnlyList<Line> Lines(Comparison c, Suppression suppression, bool suppressObservations) =>
        c.Tools.Select(t => new Line(t.Slug, t.Name,
                suppression.Format(t.Declarants), suppression.Percent(t.Declarants, c.Respondents),
                suppressObservations ? suppression.Format(t.Observations) : t.Observations.ToString("N0", French.Culture),
                suppressObservations ? suppression.Percent(t.Observations, c.Observations)
                    : c.Observations == 0 ? null : Math.Round(100.0 * t.Observations / c.Observations, 1)))
            .OrderByDescending(l => l.Gap ?? double.MinValue).ThenBy(l => l.Name, French.Order)
            .ToList();

    public static string Percent(double? share) => share is double p ? p.ToString("0.#", French.Culture) + "\u202F%" : "—";
}
