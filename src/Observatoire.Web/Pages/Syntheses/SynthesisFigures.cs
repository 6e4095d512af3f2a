using System.Text.Json;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// The key figures and chart bars of a synthesis as published (suppression applied: a hidden count has no number), kept
/// with each stored synthesis so that a later comparison reads what the PDF printed rather than today's data.
/// </summary>
public sealed record SynthesisFigures(IReadOnlyList<SynthesisFigures.Figure> KeyFigures, IReadOnlyList<SynthesisFigures.ChartFigures> Charts)
{
    /// <param name="Shown">As printed: « 12 », « &lt; 5 », « 37,5 % », « — ».</param>
    /// <param name="Number">The value when it was published as a number (null when hidden or absent).</param>
    /// <param name="Percent">A share in percent: its difference is in points.</param>
    public sealed record Figure(string Id, string Label, string Shown, decimal? Number, bool Percent);

    public sealed record ChartFigures(string Id, string Label, string Unit, IReadOnlyList<Bar> Bars);

    public sealed record Bar(string? Group, string Label, string Shown, int? Number);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SynthesisFigures? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<SynthesisFigures>(json, Json);

    /// <summary>
    /// The figures of a synthesis's content, as its PDF prints them: key figures, indicator charts, the most observed tools,
    /// and each survey's number of questionnaires and closed questions (the survey chapter's tables).
    /// </summary>
    public static SynthesisFigures Of(SynthesisContent c)
    {
        var published = new Suppression(c.Threshold);
        var figures = Of(c.Figures, c.Charts, published, c.TopTools);
        var charts = figures.Charts.ToList();
        foreach (var s in c.Surveys)
        {
            charts.Add(new ChartFigures($"enquete-{s.Id}", $"Enquête « {s.Title} »", "questionnaires",
                [Count(null, "Questionnaires remplis", s.Results.Total, published)]));
            // What the chapter prints: nothing of the questions under the threshold of questionnaires or of respondents.
            if (s.Results.Total == 0 || published.Hides(s.Results.Total)) continue;
            foreach (var q in s.Results.Questions.Where(q => q.IsClosed && q.Respondents > 0 && !published.Hides(q.Respondents)))
                charts.Add(new ChartFigures($"enquete-{s.Id}-question-{q.Id}", $"Enquête « {s.Title} » — {q.Text}", "répondants",
                    [Count(null, "Répondants à cette question", q.Respondents, published), .. q.Values.Select(v => Count(null, v.Label, v.Count, published))]));
        }
        return figures with { Charts = charts };
    }

    private static SynthesisFigures Of(IEnumerable<DashboardFigures.KeyFigure> figures, IEnumerable<DashboardFigures.Chart> charts,
        Suppression published, IReadOnlyList<Indicators.Group> topTools) =>
        new([.. figures.Select(k => new Figure(k.Definition.Id, k.Definition.Label, k.Value, Parse(k.Value), k.Value.EndsWith('%')))],
            [.. charts.Select(c => new ChartFigures(c.Id, c.Definition.Label, c.Unit,
                [.. c.Bars.Select(b => new Bar(b.Group, b.Label, b.Display, b.Value))])),
             new ChartFigures(Indicators.TopTools.Id, Indicators.TopTools.Label, "observations",
                [.. topTools.Select(t => Count(null, t.Label, t.Count, published))])]);

    private static Bar Count(string? group, string label, int count, Suppression published) =>
        new(group, label, published.Format(count), published.Value(count));

    /// <summary>
    /// Today's figures of <paramref name="filter"/> (normalized) as a synthesis would print them: the board a partner sees,
    /// under the publication rule, every chart of it.
    /// </summary>
    public static async Task<SynthesisFigures> LoadAsync(ObservatoireDbContext db, DashboardFilter filter, Suppression suppression, CancellationToken ct)
    {
        var board = await DashboardFigures.LoadAsync(db, filter, member: true, suppression, ct, publication: true);
        var charts = new List<DashboardFigures.Chart>();
        foreach (var id in board.ChartIds)
            if (await board.ChartAsync(id, ct) is { } chart) charts.Add(chart);
        return Of(await board.KeyFiguresAsync(ct), charts, suppression, await Indicators.TopToolsAsync(db, board.Scope, 10, ct));
    }

    /// <summary>The validated observations in the scope of <paramref name="request"/> today, in id order.</summary>
    public static async Task<int[]> ObservationIdsAsync(ObservatoireDbContext db, SynthesisRequest request, CancellationToken ct)
    {
        var scope = await Indicators.ResolveAsync(db, request.Filter(), ct);
        return [.. await Indicators.ValidatedObservations(db, scope).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct)];
    }

    /// <summary>« 1 234 » → 1234, « 37,5 % » → 37.5; « &lt; 5 », « — » → null.</summary>
    private static decimal? Parse(string shown)
    {
        var digits = new string([.. shown.Where(c => !char.IsWhiteSpace(c) && c != '%')]);
        return digits.Length > 0 && (char.IsDigit(digits[0]) || digits[0] == '-')
            && decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, French.Culture, out var n) ? n : null;
    }
}
