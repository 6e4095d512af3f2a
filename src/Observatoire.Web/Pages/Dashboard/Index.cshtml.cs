namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// The analysis dashboard: open to everyone with a public subset (key figures, themes, territories, trend,
/// small groups suppressed); every member sees all indicators with exact counts and drill-down links.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db, Suppression suppression, IAuthorizationService authorization,
    DashboardCache cache, ReadRouting routing) : PageModel
{
    [BindProperty(SupportsGet = true)] public DashboardFilter Filter { get; set; } = new();

    public DashboardFigures Board { get; private set; } = null!;
    public IReadOnlyList<DashboardFigures.KeyFigure> Figures { get; private set; } = [];
    public IReadOnlyList<DashboardFigures.Chart> ChartList { get; private set; } = [];
    public IReadOnlyList<DashboardFigures.Chart> SurveyCharts { get; private set; } = [];
    /// <summary>The comparison period shown under the filters (derived from the board's scope, cached or not).</summary>
    public Indicators.Scope Previous => Board.Previous;
    public Choices Options { get; private set; } = null!;

    public sealed record Choice(string Value, string Label, string? Group = null);
    public sealed record Choices(IReadOnlyList<Choice> Territories, IReadOnlyList<Choice> Themes, IReadOnlyList<Choice> Audiences,
        IReadOnlyList<Choice> Kinds);

    /// <summary>Everything the page shows for one view and filter: what <see cref="DashboardCache"/> keeps.</summary>
    public sealed record Computed(Indicators.Scope Scope, IReadOnlyList<DashboardFigures.KeyFigure> Figures,
        IReadOnlyList<DashboardFigures.Chart> Charts, IReadOnlyList<DashboardFigures.Chart> SurveyCharts, Choices Options);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // An invalid filter shows its errors above the default period rather than an empty page.
        var (filter, valid, member) = await FilterAsync();
        var versions = !cache.Enabled || !valid ? null
            : routing.UsesReplica ? await DashboardCache.ReadVersionsForReplicaAsync(db,
                HttpContext.RequestServices.GetRequiredService<ReplicaConnections>(), member, ct)
            : await DashboardCache.ReadVersionsAsync(db, member, ct);
        var key = versions is null ? null : DashboardCache.Key(member, filter, versions);
        if (key is not null && cache.TryGet(key, out var cached) && cached is not null)
        {
            Board = new DashboardFigures(db, filter, cached.Scope, member, suppression);
            (Figures, ChartList, SurveyCharts, Options) = (cached.Figures, cached.Charts, cached.SurveyCharts, cached.Options);
            return Page();
        }

        Board = await DashboardFigures.LoadAsync(db, filter, member, suppression, ct);
        Figures = await Board.KeyFiguresAsync(ct);
        var charts = new List<DashboardFigures.Chart>();
        foreach (var id in Board.ChartIds)
            if (await Board.ChartAsync(id, ct) is { } chart) charts.Add(chart);
        ChartList = charts;
        SurveyCharts = await Board.SurveyChartsAsync(ct);
        Options = await ChoicesAsync(db, ct);
        if (key is not null)
            cache.Set(key, new Computed(Board.Scope, Figures, ChartList, SurveyCharts, Options), versions!);
        return Page();
    }

    /// <summary>The data of one chart, exactly as the chart shows it (suppression included).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? graphique, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || string.IsNullOrEmpty(graphique) || graphique.Length > 60) return NotFound();
        var chart = graphique.StartsWith("question-") && int.TryParse(graphique["question-".Length..], out var questionId)
            ? await Board.SurveyChartAsync(questionId, ct)
            : await Board.ChartAsync(graphique, ct);
        if (chart is null) return NotFound();
        var header = chart.GroupHeading is null
            ? new[] { chart.Definition.Label, chart.Unit }
            : [chart.GroupHeading, chart.Definition.Label, chart.Unit];
        var rows = chart.Bars.Select(b => chart.GroupHeading is null
            ? new string?[] { b.Label, b.Display }
            : [b.Group, b.Label, b.Display]);
        return File(Csv.Write(header, rows), Csv.ContentType, $"{chart.Id}-{Period()}.csv");
    }

    /// <summary>Every validated observation the filter keeps, one row each, without free text (members only).</summary>
    public async Task<IActionResult> OnGetDonneesAsync(string? format, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded) return Challenge();
        if (!await LoadAsync(ct)) return BadRequest();
        var scope = Board.Scope;
        if (format == "json")
        {
            Response.ContentType = "application/json; charset=utf-8";
            Response.Headers.ContentDisposition = $"attachment; filename=\"observations-{Period()}.json\"";
            await OpenData.WriteJsonAsync(db, scope, Response.Body, ct);
        }
        else
        {
            Response.ContentType = Csv.ContentType;
            Response.Headers.ContentDisposition = $"attachment; filename=\"observations-{Period()}.csv\"";
            await OpenData.WriteCsvAsync(db, scope, Response.Body, ct);
        }
        return new EmptyResult();
    }

    public string ChartCsvUrl(string chartId) => $"/tableau-de-bord/csv?graphique={chartId}&{Board.Filter.ToQuery()}";

    public string DataUrl(string format) => $"/tableau-de-bord/donnees?format={format}&{Board.Filter.ToQuery()}";

    private string Period() => $"{Board.Filter.From:yyyy-MM-dd}-{Board.Filter.To:yyyy-MM-dd}";

    /// <summary>False when the filter is invalid: errors go to ModelState and the default period is shown instead.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var (filter, valid, member) = await FilterAsync();
        Board = await DashboardFigures.LoadAsync(db, filter, member, suppression, ct);
        return valid;
    }

    private async Task<(DashboardFilter Normalized, bool Valid, bool Member)> FilterAsync()
    {
        var today = DateOnly.FromDateTime(ParisTime.FromUtc(DateTime.UtcNow));
        var valid = ModelState.IsValid;
        if (Filter.From is DateOnly from && Filter.To is DateOnly to && to < from)
        {
            ModelState.AddModelError("au", "La date de fin doit être postérieure ou égale à la date de début.");
            valid = false;
        }
        var filter = valid ? Filter.Normalized(today) : new DashboardFilter().Normalized(today);
        var member = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        return (filter, valid, member);
    }

    internal static async Task<Choices> ChoicesAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var territories = await ReferenceChoices.TerritoryFiltersAsync(db, ct);
        return new Choices(
            territories.Select(t => new Choice(t.Slug, t.IsCommune ? $"{t.Name} (toute la commune)" : t.Name, t.Commune)).ToList(),
            (await ReferenceChoices.FiltersAsync(db.Themes, ct)).Select(t => new Choice(t.Slug, t.Name)).ToList(),
            (await ReferenceChoices.FiltersAsync(db.Audiences, ct)).Select(a => new Choice(a.Slug, a.Name)).ToList(),
            // Retired kinds too: past figures still count them.
            (await ReferenceChoices.FiltersAsync(db.StructureKinds, ct)).Select(k => new Choice(k.Slug, k.Name)).ToList());
    }
}
