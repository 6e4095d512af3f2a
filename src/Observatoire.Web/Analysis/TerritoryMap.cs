namespace Observatoire.Web.Analysis;

/// <summary>
/// The quartiers map of one indicator (<see cref="Indicators.Map"/>), as published to one reader: the zones (each quartier,
/// and each commune without quartiers) with their class, the legend and the figures left off the map. Built by
/// <see cref="DashboardFigures.MapAsync"/>, read by the page /tableau-de-bord/carte and by the PDF syntheses.
/// </summary>
/// <param name="Geographic">Drawn from the imported contours; otherwise a schematic grid of equal cells.</param>
/// <param name="WithoutContour">With contours: the zones whose contour is not known, named under the map.</param>
/// <param name="Elsewhere">Figures of territories that are not a zone (a commune's observations without a quartier, a retired territory).</param>
public sealed record TerritoryMap(Indicators.Definition Indicator, string Unit, bool Geographic, IReadOnlyList<MapArea> Areas,
    IReadOnlyList<(int Class, string Text)> Legend, IReadOnlyList<string> WithoutContour, IReadOnlyList<(string Label, string Display)> Elsewhere)
{
    public const string SchematicNotice = "Carte schématique : chaque quartier est une case de même taille, placée approximativement.";

    /// <summary>Cells per row of a commune laid out by name (when the administrators have set no position).</summary>
    public const int RowLength = 6;

    /// <summary>The figure of a zone: observations, participants or structures.</summary>
    public static long Value(Indicators.TerritoryTotals? t, string indicator) => t is null ? 0 : indicator switch
    {
        "participants" => t.Participants,
        "structures" => t.Structures,
        _ => t.Observations,
    };

    /// <summary>The French unit of <paramref name="indicator"/>, singular or plural by <paramref name="count"/>.</summary>
    public static string UnitOf(string indicator, bool plural) => indicator switch
    {
        "participants" => plural ? "participants" : "participant",
        "structures" => plural ? "structures actives" : "structure active",
        _ => plural ? "observations" : "observation",
    };

    /// <summary>Zone of a territory: its figure, how it is published, and where to follow it.</summary>
    internal sealed record Zone(int Id, string Slug, string Name, string? Commune, string? Contour, int? Row, int? Column);

    /// <summary>
    /// Class 1 to <see cref="Maps.Classes"/> of equal width from 1 to <paramref name="max"/> (the largest published value):
    /// 12 of 20 is class 3 (from 9 to 12). Zero is class 0.
    /// </summary>
    public static int ClassOf(long value, long max) =>
        value <= 0 || max <= 0 ? 0 : (int)Math.Clamp((value * Maps.Classes + max - 1) / max, 1, Maps.Classes);

    /// <summary>The bounds of each class that holds a possible value, « de 9 à 12 » (from <paramref name="floor"/> up).</summary>
    public static IEnumerable<(int Class, long From, long To)> Bounds(long max, long floor)
    {
        for (var c = 1; c <= Maps.Classes && max > 0; c++)
        {
            var from = Math.Max(floor, (c - 1) * max / Maps.Classes + 1);
            var to = c * max / Maps.Classes;
            if (from <= to) yield return (c, from, to);
        }
    }

    /// <summary>
    /// Cells of the schematic grid: positions the administrators set first (a position already taken goes to the layout
    /// by name), then each commune's quartiers by name on rows of <see cref="RowLength"/> below, a commune after another,
    /// communes without quartiers together at the end.
    /// </summary>
    internal static Dictionary<int, (int Row, int Column)> Layout(IReadOnlyList<Zone> zones)
    {
        var cells = new Dictionary<int, (int, int)>();
        var taken = new HashSet<(int, int)>();
        foreach (var z in zones.Where(z => z.Row is not null && z.Column is not null))
            if (taken.Add((z.Row!.Value, z.Column!.Value)))
                cells[z.Id] = (z.Row.Value, z.Column.Value);
        // Rows laid out by name start below every position set by hand: they never collide with one.
        var row = taken.Select(t => t.Item1).DefaultIfEmpty(0).Max();
        var groups = zones.Where(z => !cells.ContainsKey(z.Id))
            .GroupBy(z => z.Commune)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key ?? "", French.Order);
        foreach (var g in groups)
        {
            var column = RowLength;
            foreach (var z in g.OrderBy(z => z.Name, French.Order))
            {
                if (column == RowLength) (row, column) = (row + 1, 0);
                column++;
                taken.Add((row, column));
                cells[z.Id] = (row, column);
            }
        }
        return cells;
    }
}
