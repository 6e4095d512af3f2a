using Observatoire.Web.Analysis;

namespace Observatoire.Web.Pages.Observations;

/// <summary>
/// Where to observe next (issue #19): the quartier × theme × audience cells whose validated observations of the period
/// are too few to publish, nearest to the threshold first, each with a link that opens a new observation prefilled with
/// its quartier, theme and audience. The dashboard's filters narrow it; the CSV is the table.
/// </summary>
[Authorize(Policy = Policies.Member)]
public class WhereToObserveModel(ObservatoireDbContext db, Suppression suppression, IAuthorizationService authorization) : PageModel
{
    public const int Shown = 100;

    [BindProperty(SupportsGet = true)] public DashboardFilter Filter { get; set; } = new();

    public DashboardFilter Normalized { get; private set; } = new();
    public IReadOnlyList<Indicators.Gap> Gaps { get; private set; } = [];
    public int Threshold => suppression.Threshold;
    /// <summary>Partners read the list; only those who log observations are offered « Observer ici ».</summary>
    public bool CanObserve { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The whole table, every cell (not only the first <see cref="Shown"/>).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var rows = Gaps.Select(g => new string?[] { g.Territory, g.Theme, g.Audience, g.Observations.ToString(CultureInfo.InvariantCulture),
            (Threshold - g.Observations).ToString(CultureInfo.InvariantCulture), NewObservationUrl(g) });
        return File(Csv.Write(["Territoire", "Thème", "Public", "Observations validées", "Manquantes pour publier", "Nouvelle observation"], rows),
            "text/csv; charset=utf-8", "ou-observer.csv");
    }

    /// <summary>The new observation form, prefilled with the cell's quartier, theme and audience.</summary>
    public static string NewObservationUrl(Indicators.Gap g) =>
        $"/observations/nouvelle?territoire={Uri.EscapeDataString(g.TerritorySlug)}&theme={Uri.EscapeDataString(g.ThemeSlug)}&public={Uri.EscapeDataString(g.AudienceSlug)}";

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(DateTime.UtcNow);
        Normalized = ModelState.IsValid ? Filter.Normalized(today) : new DashboardFilter().Normalized(today);
        var scope = await Indicators.ResolveAsync(db, Normalized, ct);
        Gaps = await Indicators.GapsAsync(db, scope, Threshold, ct);
        CanObserve = (await authorization.AuthorizeAsync(User, Policies.Contributor)).Succeeded;
    }
}
