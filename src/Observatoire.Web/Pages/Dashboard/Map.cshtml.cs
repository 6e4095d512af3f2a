namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// The quartiers map (issue #19): one indicator of the catalogue per quartier, over the dashboard's period and filters,
/// drawn on the server (contours when imported, a schematic grid otherwise) with the same figures in a table beside it.
/// Public with the publication rule; members see exact counts and open the observations of a quartier.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class MapModel(ObservatoireDbContext db, Suppression suppression, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public DashboardFilter Filter { get; set; } = new();

    /// <summary>The indicator shown: an id of <see cref="Indicators.Mappable"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "indicateur"), MaxLength(40)] public string? Indicator { get; set; }

    public DashboardFigures Board { get; private set; } = null!;
    public TerritoryMap Map { get; private set; } = null!;
    public IndexModel.Choices Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(DateTime.UtcNow);
        var valid = ModelState.IsValid && !(Filter.From is DateOnly from && Filter.To is DateOnly to && to < from);
        var filter = valid ? Filter.Normalized(today) : new DashboardFilter().Normalized(today);
        var member = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        Board = await DashboardFigures.LoadAsync(db, filter, member, suppression, ct);
        Map = await Board.MapAsync(Indicator, ct);
        Options = await IndexModel.ChoicesAsync(db, ct);
    }
}
