namespace Observatoire.Web.Analysis;

/// <summary>
/// The dashboard as published to one visitor: indicators from the catalogue, turned into figures and bars with
/// suppression and drill-down links. The page and the chart CSV both read it, so the CSV is what the chart shows.
/// </summary>
/// <param name="publication">A document that leaves the members' space (a PDF synthesis): <see cref="PublicationRule"/>.</param>
public sealed class DashboardFigures(ObservatoireDbContext db, DashboardFilter filter, Indicators.Scope scope, bool member, Suppression suppression,
    bool publication = false)
{

    /// <param name="Count">The period's count as published, for machine-readable files (open data); null when it is
    /// suppressed (<paramref name="Value"/> then reads « &lt; 5 ») or when the figure is not a count (a share).</param>
    public sealed record KeyFigure(Indicators.Definition Definition, string Value, string Previous, string Change, long? Count = null);

    public sealed record Chart(string Id, Indicators.Definition Definition, string Unit, IReadOnlyList<ChartBar> Bars,
        string? GroupHeading = null, string? Note = null)
    {
        public bool IsEmpty => Bars.All(b => b.Value == 0);
    }

    public DashboardFilter Filter => filter;
    public Indicators.Scope Scope => scope;
    /// <summary>The comparison period: the same ids over the days just before, derived without asking the database again.</summary>
    public Indicators.Scope Previous { get; } = scope.Previous();
    public bool Member => member;
    public Suppression Suppression => suppression;

    /// <summary>Observation figures hide small groups outside the members' space (<see cref="PublicationRule"/>); members see exact counts on screen.</summary>
    private bool SuppressObservations => !member || publication;

    /// <summary>
    /// Drill-down needs the observations list (members only) to express every filter: it has no structure-kind filter
    /// and takes one territory, theme and audience.
    /// </summary>
    public bool DrillDown => member && filter.Kind is null && !filter.HasSeveralValues;

    public static async Task<DashboardFigures> LoadAsync(ObservatoireDbContext db, DashboardFilter normalized, bool member,
        Suppression suppression, CancellationToken ct, bool publication = false)
    {
        // One connection for the dozen queries of a page, rather than one pool round trip (and reset) each.
        await db.Database.OpenConnectionAsync(ct);
        // The request's one resolution: the page, its exports and the syntheses read Scope and Previous from the board.
        var scope = await Indicators.ResolveAsync(db, normalized, ct);
        return new DashboardFigures(db, normalized, scope, member, suppression, publication);
    }

    /// <summary>Chart ids in page order, for this visitor.</summary>
    public IEnumerable<string> ChartIds => member
        ? ["themes", "publics", "territoires", "types-structure", "categories-outils", "appropriation", "tendance", "outils-par-theme"]
        : PublicChartIds;

    /// <summary>The charts everyone sees, in page order (the public open data publishes them too).</summary>
    public static readonly IReadOnlyList<string> PublicChartIds = ["themes", "territoires", "tendance"];

    public async Task<IReadOnlyList<KeyFigure>> KeyFiguresAsync(CancellationToken ct)
    {
        var now = await Indicators.TotalsAsync(db, scope, ct);
        var before = await Indicators.TotalsAsync(db, Previous, ct);
        var figures = new List<KeyFigure>
        {
            Figure(Indicators.Observations, now.Observations, before.Observations, SuppressObservations),
            Figure(Indicators.Participants, now.Participants, before.Participants, SuppressObservations),
            Figure(Indicators.Structures, now.Structures, before.Structures, SuppressObservations),
        };
        if (!member) return figures;

        var tools = await Indicators.ToolTotalsAsync(db, scope, ct);
        var toolsBefore = await Indicators.ToolTotalsAsync(db, Previous, ct);
        figures.Add(Figure(Indicators.Tools, tools.Tools, toolsBefore.Tools, false));
        figures.Add(new KeyFigure(Indicators.FreeShare, Percent(tools.FreeShare), Percent(toolsBefore.FreeShare),
            tools.FreeShare is double a && toolsBefore.FreeShare is double b
                ? $"{(a - b) * 100:+0.#;−0.#;0} point{(Math.Abs(a - b) * 100 >= 2 ? "s" : "")}" : "—"));
        var respondents = await Indicators.SurveyRespondentsAsync(db, scope, ct);
        var respondentsBefore = await Indicators.SurveyRespondentsAsync(db, Previous, ct);
        // Survey responses carry no structure, theme or audience, and the territory filter cannot apply to every survey:
        // under such a filter, the figure's own label says it is not filtered (not only its definition note).
        var definition = filter.HasDimensionFilter
            ? Indicators.SurveyRespondents with { Label = Indicators.SurveyRespondents.Label + " (tous territoires, thèmes et publics)" }
            : Indicators.SurveyRespondents;
        figures.Add(Figure(definition, respondents, respondentsBefore, true));
        return figures;
    }

    /// <summary>One chart by id, or null when the id is unknown or not shown to this visitor.</summary>
    public async Task<Chart?> ChartAsync(string id, CancellationToken ct)
    {
        if (!ChartIds.Contains(id)) return null;
        const string observations = "observations";
        return id switch
        {
            "themes" => Bars(id, Indicators.ByTheme, observations, await Indicators.ByThemeAsync(db, scope, ct), g => Link(("theme", g.Key))),
            "publics" => Bars(id, Indicators.ByAudience, observations, await Indicators.ByAudienceAsync(db, scope, ct), g => Link(("public", g.Key))),
            "territoires" => Bars(id, Indicators.ByTerritory, observations, await Indicators.ByTerritoryAsync(db, scope, ct), g => Link(("territoire", g.Key)),
                note: "Une observation rattachée à une commune sans quartier précisé apparaît sous le nom de la commune."),
            "types-structure" => Bars(id, Indicators.ByStructureKind, observations, await Indicators.ByStructureKindAsync(db, scope, ct), _ => null),
            "categories-outils" => Bars(id, Indicators.ByToolCategory, "mentions", await Indicators.ByToolCategoryAsync(db, scope, ct), _ => null),
            "appropriation" => Bars(id, Indicators.ByLevel, observations, await Indicators.ByLevelAsync(db, scope, ct), _ => null),
            "tendance" => Bars(id, Indicators.ByMonth, observations, await Indicators.ByMonthAsync(db, scope, ct), MonthLink),
            "outils-par-theme" => TopTools(await Indicators.TopToolsPerThemeAsync(db, scope, 5, ct)),
            _ => null,
        };
    }

    /// <summary>Charts of the survey questions chosen for the dashboard; answers are always suppressed below the threshold.</summary>
    public async Task<IReadOnlyList<Chart>> SurveyChartsAsync(CancellationToken ct)
    {
        if (!member) return [];
        return (await Indicators.SurveyQuestionsAsync(db, scope, ct))
            .Select(q => new Chart($"question-{q.QuestionId}", Indicators.SurveyQuestions with { Label = q.Question },
                "répondants",
                q.Answers.Select(a => new ChartBar(null, a.Label, suppression.Value(a.Count), suppression.Format(a.Count), null)).ToList(),
                Note: $"Enquête « {q.Survey} » — {suppression.Format(q.Respondents)} répondant{(q.Respondents > 1 ? "s" : "")} à cette question."))
            .ToList();
    }

    public async Task<Chart?> SurveyChartAsync(int questionId, CancellationToken ct) =>
        (await SurveyChartsAsync(ct)).FirstOrDefault(c => c.Id == $"question-{questionId}");

    /// <summary>
    /// The quartiers map of <paramref name="indicator"/> (an id of <see cref="Indicators.Mappable"/>; observations by default):
    /// every quartier and commune without quartiers of the scope is a zone, published as the charts are.
    /// </summary>
    public async Task<TerritoryMap> MapAsync(string? indicator, CancellationToken ct)
    {
        var definition = Indicators.Mappable.FirstOrDefault(d => d.Id == indicator) ?? Indicators.Observations;
        var id = definition.Id;
        var totals = (await Indicators.TotalsByTerritoryAsync(db, scope, ct)).ToDictionary(t => t.TerritoryId);
        // A zone: a quartier, or a commune none of whose quartiers is in use (as GapsAsync's cells).
        var zones = await db.Territories.AsNoTracking()
            .Where(t => t.RetiredAt == null && !t.Children.Any(c => c.RetiredAt == null) && (t.Parent == null || t.Parent.RetiredAt == null))
            .Where(t => scope.TerritoryIds == null || scope.TerritoryIds.Contains(t.Id))
            .Select(t => new TerritoryMap.Zone(t.Id, t.Slug, t.Name, t.Parent == null ? null : t.Parent.Name, t.Contour, t.GridRow, t.GridColumn))
            .ToListAsync(ct);
        // Each commune's quartiers by name, communes without quartiers after them: the order of the grid laid out by name.
        zones = [.. zones.OrderBy(z => z.Commune is null).ThenBy(z => z.Commune ?? z.Name, French.Order).ThenBy(z => z.Name, French.Order)];

        bool Hidden(long value) => SuppressObservations && suppression.Hides((int)Math.Min(value, int.MaxValue));
        var max = zones.Select(z => TerritoryMap.Value(totals.GetValueOrDefault(z.Id), id)).Where(v => !Hidden(v)).DefaultIfEmpty(0).Max();
        var geographic = zones.Any(z => z.Contour is not null);
        var cells = geographic ? [] : TerritoryMap.Layout(zones);
        var areas = zones.Select(z =>
        {
            var value = TerritoryMap.Value(totals.GetValueOrDefault(z.Id), id);
            var hidden = Hidden(value);
            var display = Show(value, SuppressObservations);
            var label = Territory.Label(z.Name, z.Commune);
            var href = publication ? null : DrillDown ? ListUrl(("territoire", z.Slug)) : $"/annuaire/territoires/{z.Slug}";
            var (row, column) = cells.GetValueOrDefault(z.Id);
            return new MapArea(label, z.Name, z.Commune, $"{label} : {display} {TerritoryMap.UnitOf(id, hidden || value > 1)}",
                hidden ? Maps.Hidden : TerritoryMap.ClassOf(value, max), display, href, Maps.ReadGeometry(z.Contour), row, column);
        }).ToList();

        var legend = new List<(int, string)> { (0, $"0 : aucun{(id == "participants" ? "" : "e")} {TerritoryMap.UnitOf(id, false)}") };
        legend.AddRange(TerritoryMap.Bounds(max, SuppressObservations ? suppression.Threshold : 1)
            .Select(b => (b.Class, b.From == b.To ? Charts.Number(b.From) : $"de {Charts.Number(b.From)} à {Charts.Number(b.To)}")));
        if (SuppressObservations)
            legend.Add((Maps.Hidden, $"< {suppression.Threshold} (hachures) : effectif trop petit pour être publié"));

        var placed = zones.Select(z => z.Id).ToHashSet();
        var others = totals.Keys.Where(k => !placed.Contains(k)).ToArray();
        var elsewhere = others.Length == 0 ? [] : (await db.Territories.AsNoTracking().Where(t => others.Contains(t.Id))
                .Select(t => new { t.Id, t.Name, Commune = t.Parent == null ? null : t.Parent.Name }).ToListAsync(ct))
            .Select(t => (Label: Territory.Label(t.Name, t.Commune), Display: Show(TerritoryMap.Value(totals[t.Id], id), SuppressObservations)))
            .OrderBy(t => t.Label, French.Order).ToList();
        return new TerritoryMap(definition, TerritoryMap.UnitOf(id, true), geographic, areas, legend,
            geographic ? [.. areas.Where(a => a.Contour is null).Select(a => a.Label)] : [], elsewhere);
    }

    private Chart TopTools(List<Indicators.ThemeTools> themes) => new("outils-par-theme", Indicators.TopToolsPerTheme, "observations",
        themes.SelectMany(t => t.Tools.Select(tool => new ChartBar(t.Theme, tool.Label,
            SuppressObservations && suppression.Hides(tool.Count) ? null : (int?)tool.Count, Show(tool.Count, SuppressObservations),
            DrillDown ? ListUrl(("theme", t.ThemeSlug), ("outil", tool.Key)) : null))).ToList(),
        GroupHeading: "Thème");

    private Chart Bars(string id, Indicators.Definition definition, string unit, List<Indicators.Group> groups,
        Func<Indicators.Group, string?> link, string? note = null) =>
        new(id, definition, unit,
            groups.Select(g =>
            {
                var hidden = SuppressObservations && suppression.Hides(g.Count);
                return new ChartBar(null, g.Label, hidden ? null : g.Count, Show(g.Count, SuppressObservations),
                    DrillDown && g.Count > 0 ? link(g) : null, g.Key);
            }).ToList(),
            Note: note);

    private string? Link(params (string Key, string? Value)[] overrides) => ListUrl(overrides);

    private string? MonthLink(Indicators.Group month)
    {
        var start = DateOnly.ParseExact(month.Key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = start.AddMonths(1).AddDays(-1);
        var du = start < scope.From ? scope.From : start;
        var au = end > scope.To ? scope.To : end;
        return ListUrl(("du", du.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("au", au.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>The observations list with the dashboard's filters, the bar's own value, and validated only.</summary>
    private string ListUrl(params (string Key, string? Value)[] overrides) =>
        "/observations?" + filter.ToQuery([.. overrides, ("type", null), ("statut", "validee")]);

    private string Show(long count, bool suppress) =>
        Hidden(count, suppress) ? suppression.Format((int)count) : Charts.Number(count);

    private bool Hidden(long count, bool suppress) => suppress && count < int.MaxValue && suppression.Hides((int)count);

    private KeyFigure Figure(Indicators.Definition definition, long now, long before, bool suppress)
    {
        var hidden = suppress && (suppression.Hides((int)Math.Min(now, int.MaxValue)) || suppression.Hides((int)Math.Min(before, int.MaxValue)));
        var change = hidden || before == 0 ? "—"
            : now == before ? "stable"
            : (now - before) * 100.0 / before is var pct && pct > 0 ? $"+{pct.ToString("0", French.Culture)}\u202F%" : $"−{(-pct).ToString("0", French.Culture)}\u202F%";
        return new KeyFigure(definition, Show(now, suppress), Show(before, suppress), change, Hidden(now, suppress) ? null : now);
    }

    private static string Percent(double? share) => share is double s ? (s * 100).ToString("0.#", French.Culture) + "\u202F%" : "—";
}
