using System.Linq.Expressions;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>
/// Counts of a survey's answers, optionally restricted to respondents who chose given values of closed questions.
/// Counting is a GROUP BY on (question, value) in PostgreSQL; publication goes through <see cref="Infrastructure.Suppression"/>.
/// The results page, its exports, the dashboard and the PDF syntheses read from here.
/// </summary>
public sealed class SurveyResults
{
    public record Value(int? Id, string Code, string Label, int Count);
    public record QuestionResult(int Id, string Text, QuestionType Type, bool ShowOnDashboard, int Respondents,
        IReadOnlyList<Value> Values, decimal? Mean, decimal? Median, IReadOnlyList<string> Texts, int TextCount = 0)
    {
        /// <summary>Only the most recent texts are listed: a page says so when there are more.</summary>
        public bool TextsCut => Texts.Count < TextCount;

        public bool IsClosed => Type.IsClosed();
    }
    public record CrossTab(QuestionResult Rows, QuestionResult Columns, IReadOnlyDictionary<(int? Row, int? Column), int> Counts);

    public required int Total { get; init; }
    public required IReadOnlyList<QuestionResult> Questions { get; init; }

    /// <summary>
    /// Respondents who answered <c>question = value</c> for every filter (value: option, quartier or tool id), and, with
    /// <paramref name="territories"/>, who named one of these territories in a territory question (a synthesis of a
    /// commune or a quartier: see <see cref="TerritoryQuestionAsync"/>).
    /// </summary>
    public static IQueryable<Response> Filter(ObservatoireDbContext db, int surveyId, IReadOnlyDictionary<int, int> filters,
        int[]? territories = null)
    {
        var responses = db.Responses.AsNoTracking().Where(r => r.SurveyId == surveyId);
        foreach (var (questionId, value) in filters)
            responses = responses.Where(r => r.Answers.Any(a => a.QuestionId == questionId
                && (a.OptionId == value || a.TerritoryId == value || a.ToolId == value)));
        if (territories is not null) responses = responses.Where(NamesOneOf(territories));
        return responses;
    }

    /// <summary>A response that names one of these territories in a territory question.</summary>
    public static Expression<Func<Response, bool>> NamesOneOf(int[] territories) =>
        r => r.Answers.Any(a => a.Question.Type == QuestionType.Territory && a.TerritoryId != null && territories.Contains(a.TerritoryId.Value));

    /// <summary>
    /// The text of the survey's first territory question (« Dans quel quartier habitez-vous ? »), through which a territory
    /// filter applies to its answers; null when it asks none, and a territory filter then cannot apply.
    /// </summary>
    public static Task<string?> TerritoryQuestionAsync(ObservatoireDbContext db, int surveyId, CancellationToken ct) =>
        db.Questions.AsNoTracking().Where(q => q.SurveyId == surveyId && q.Type == QuestionType.Territory)
            .OrderBy(q => q.Section.Order).ThenBy(q => q.Order).Select(q => q.Text).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A territory filter (a synthesis's, or the results page's « territoire ») applied to a survey: the territories its
    /// answers are restricted to, through its territory question; null when there is no filter, or when the survey asks no
    /// territory (every answer then counts, which the reader must be told).
    /// </summary>
    public sealed record Restriction(int[]? Territories, string? Question)
    {
        public static readonly Restriction None = new(null, null);
    }

    /// <summary>The restriction of <paramref name="territoryIds"/> (resolved with their quartiers) to a survey's answers.</summary>
    public static async Task<Restriction> RestrictionAsync(ObservatoireDbContext db, int surveyId, int[]? territoryIds, CancellationToken ct)
    {
        if (territoryIds is null) return Restriction.None;
        var question = await TerritoryQuestionAsync(db, surveyId, ct);
        return question is null ? Restriction.None : new Restriction(territoryIds, question);
    }

    /// <summary>
    /// The published results of a survey under a territory restriction: the respondents who named one of its territories,
    /// and, in a territory question, only those territories (« Sanitas (Tours) 0 » has no place in Joué's). What a
    /// synthesis prints and what its back-link opens are computed here, the same way.
    /// </summary>
    public static async Task<SurveyResults> RestrictedAsync(ObservatoireDbContext db, int surveyId, IReadOnlyDictionary<int, int> filters,
        Restriction restriction, CancellationToken ct, int maxTexts = 300, bool allTexts = false)
    {
        var results = await ComputeAsync(db, surveyId, filters, ct, maxTexts, restriction.Territories, allTexts);
        if (restriction.Territories is not { } territories) return results;
        return new SurveyResults
        {
            Total = results.Total,
            Questions = [.. results.Questions.Select(q => q.Type != QuestionType.Territory ? q
                : q with { Values = [.. q.Values.Where(v => v.Id is int id && territories.Contains(id))] })],
        };
    }

    /// <param name="allTexts">
    /// Coordination, who reviews them: every free text as typed. Everyone else (and every output) gets only the texts
    /// Coordination published, masked ones in their masked version (<see cref="Analysis.PublicationRule"/>).
    /// </param>
    public static async Task<SurveyResults> ComputeAsync(ObservatoireDbContext db, int surveyId, IReadOnlyDictionary<int, int> filters,
        CancellationToken ct, int maxTexts = 300, int[]? territories = null, bool allTexts = false)
    {
        var responses = Filter(db, surveyId, filters, territories);
        var answers = db.Answers.AsNoTracking().Where(a => responses.Any(r => r.Id == a.ResponseId));
        var total = await responses.CountAsync(ct);
        var questions = await Definition(db, surveyId, ct);

        var counts = await answers
            .Where(a => a.OptionId != null || a.TerritoryId != null || a.ToolId != null || (a.Text != null && a.Question.Options.Any()))
            .GroupBy(a => new { a.QuestionId, Value = a.OptionId ?? a.TerritoryId ?? a.ToolId })
            .Select(g => new { g.Key.QuestionId, g.Key.Value, Count = g.Count() })
            .ToListAsync(ct);
        var respondents = await answers.GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Count, ct);
        var numbers = await answers.Where(a => a.Number != null).Select(a => new { a.QuestionId, Number = a.Number!.Value }).ToListAsync(ct);
        var shown = answers.Where(a => a.Text != null);
        if (!allTexts) shown = shown.Where(a => a.TextReview == TextReview.Published || a.TextReview == TextReview.Masked);
        var textCounts = await shown.GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.QuestionId, x => x.Count, ct);
        var texts = await shown.OrderByDescending(a => a.ResponseId)
            .Select(a => new { a.QuestionId, Text = allTexts || a.TextReview != TextReview.Masked ? a.Text! : a.MaskedText! })
            .Take(maxTexts * 4).ToListAsync(ct);
        var labels = await ValueLabels(db, questions, ct);

        return new SurveyResults
        {
            Total = total,
            Questions = questions.Select(q =>
            {
                var mine = counts.Where(c => c.QuestionId == q.Id).ToDictionary(c => c.Value ?? 0, c => c.Count);
                var values = labels[q.Id].Select(v => v with { Count = mine.GetValueOrDefault(v.Id ?? 0) }).ToList();
                if (q.Type.IsClosed() && mine.ContainsKey(0)) values.Add(new Value(null, "autre", "Autre", mine[0]));
                var ns = numbers.Where(n => n.QuestionId == q.Id).Select(n => n.Number).Order().ToList();
                return new QuestionResult(q.Id, q.Text, q.Type, q.ShowOnDashboard, respondents.GetValueOrDefault(q.Id), values,
                    ns.Count == 0 ? null : Math.Round(ns.Average(), 1),
                    ns.Count == 0 ? null : ns.Count % 2 == 1 ? ns[ns.Count / 2] : (ns[ns.Count / 2 - 1] + ns[ns.Count / 2]) / 2,
                    texts.Where(t => t.QuestionId == q.Id).Select(t => t.Text).Take(maxTexts).ToList(),
                    textCounts.GetValueOrDefault(q.Id));
            }).ToList(),
        };
    }

    /// <summary>Respondents by pair of values of two closed questions (with the same filters).</summary>
    public static async Task<IReadOnlyDictionary<(int? Row, int? Column), int>> CrossAsync(ObservatoireDbContext db, int surveyId,
        IReadOnlyDictionary<int, int> filters, int rowQuestion, int columnQuestion, CancellationToken ct, int[]? territories = null)
    {
        var responses = Filter(db, surveyId, filters, territories);
        var answers = db.Answers.AsNoTracking().Where(a => responses.Any(r => r.Id == a.ResponseId));
        var pairs = await (
                from a in answers.Where(a => a.QuestionId == rowQuestion)
                join b in answers.Where(b => b.QuestionId == columnQuestion) on a.ResponseId equals b.ResponseId
                group a by new { Row = a.OptionId ?? a.TerritoryId ?? a.ToolId, Column = b.OptionId ?? b.TerritoryId ?? b.ToolId } into g
                select new { g.Key.Row, g.Key.Column, Count = g.Count() })
            .ToListAsync(ct);
        return pairs.ToDictionary(p => (p.Row, p.Column), p => p.Count);
    }

    public record QuestionDef(int Id, int SectionOrder, int Order, string Text, QuestionType Type, bool AllowOther, bool ShowOnDashboard);

    public static Task<List<QuestionDef>> Definition(ObservatoireDbContext db, int surveyId, CancellationToken ct) =>
        db.Questions.AsNoTracking().Where(q => q.SurveyId == surveyId)
            .OrderBy(q => q.Section.Order).ThenBy(q => q.SectionId).ThenBy(q => q.Order).ThenBy(q => q.Id)
            .Select(q => new QuestionDef(q.Id, q.Section.Order, q.Order, q.Text, q.Type, q.AllowOther, q.ShowOnDashboard))
            .ToListAsync(ct);

    /// <summary>
    /// Every value a closed question can take, in order, whatever was answered: options, then the quartiers or
    /// listed tools (plus any no longer listed but answered). Export columns and chart rows come from here.
    /// </summary>
    public static async Task<Dictionary<int, List<Value>>> ValueLabels(ObservatoireDbContext db, IEnumerable<QuestionDef> questions, CancellationToken ct)
    {
        var list = questions.ToList();
        var ids = list.Select(q => q.Id).ToList();
        var options = await db.QuestionOptions.AsNoTracking().Where(o => ids.Contains(o.QuestionId)).OrderBy(o => o.Order).ThenBy(o => o.Id)
            .Select(o => new { o.QuestionId, o.Id, o.Code, o.Label }).ToListAsync(ct);
        var territories = list.Any(q => q.Type == QuestionType.Territory)
            ? await db.Territories.AsNoTracking()
                .Where(t => t.Kind == TerritoryKind.Neighbourhood && t.RetiredAt == null
                    || db.Answers.Any(a => a.TerritoryId == t.Id && ids.Contains(a.QuestionId)))
                .OrderBy(t => t.Name).ThenBy(t => t.Parent == null ? null : t.Parent.Name)
                .Select(t => new Value(t.Id, t.Slug, Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name, t.RetiredAt != null), 0))
                .ToListAsync(ct)
            : [];
        var tools = list.Any(q => q.Type == QuestionType.Tools)
            ? await db.DigitalTools.AsNoTracking()
                .Where(t => t.Status == ToolStatus.Listed || db.Answers.Any(a => a.ToolId == t.Id && ids.Contains(a.QuestionId)))
                .OrderBy(t => t.Name).Select(t => new Value(t.Id, t.Slug, t.Name, 0)).ToListAsync(ct)
            : [];
        return list.ToDictionary(q => q.Id, q => q.Type switch
        {
            QuestionType.Territory => territories,
            QuestionType.Tools => tools,
            _ => options.Where(o => o.QuestionId == q.Id).Select(o => new Value(o.Id, o.Code, o.Label, 0)).ToList(),
        });
    }

    public static string FormatNumber(decimal n) => n.ToString("0.#", French.Culture);
}
