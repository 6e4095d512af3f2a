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

    /// <summary>The figures of a synthesis's content, as its PDF prints them.</summary>
    public static SynthesisFigures Of(IEnumerable<DashboardFigures.KeyFigure> figures, IEnumerable<DashboardFigures.Chart> charts) =>
        new([.. figures.Select(k => new Figure(k.Definition.Id, k.Definition.Label, k.Value, Parse(k.Value), k.Value.EndsWith('%')))],
            [.. charts.Select(c => new ChartFigures(c.Id, c.Definition.Label, c.Unit,
                [.. c.Bars.Select(b => new Bar(b.Group, b.Label, b.Display, b.Value))]))]);

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
        return Of(await board.KeyFiguresAsync(ct), charts);
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
