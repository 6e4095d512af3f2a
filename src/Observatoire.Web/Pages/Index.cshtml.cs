namespace Observatoire.Web.Pages;

/// <summary>Home: what the observatory observes and why, its key figures, what came in lately.</summary>
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public record Figures(int Observations, int Participants, int Structures, int Tools, int Quartiers);
    public record Latest(int Id, string Title, DateOnly ObservedOn, string Structure, string Territory, string[] Tools);

    public Figures KeyFigures { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<Latest> LatestObservations { get; private set; } = [];
    public IReadOnlyList<Wiki.WikiLinks.Report> LatestReports { get; private set; } = [];
    public IReadOnlyList<Surveys.OpenSurveys.Item> OpenSurveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Only validated observations count in published figures.
        var validated = db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Validated);
        KeyFigures = new Figures(
            await validated.CountAsync(ct),
            await validated.SumAsync(o => o.ParticipantsCount, ct),
            await validated.Select(o => o.StructureId).Distinct().CountAsync(ct),
            await db.DigitalTools.CountAsync(t => t.Status == ToolStatus.Listed, ct),
            await db.Territories.CountAsync(t => t.Kind == TerritoryKind.Neighbourhood, ct));
        LatestObservations = await validated
            .OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id)
            .Take(6)
            .Select(o => new Latest(o.Id, o.Title, o.ObservedOn, o.Structure.Name, Territory.Label(o.Territory.Name, o.Territory.Parent == null ? null : o.Territory.Parent.Name),
                o.Tools.OrderBy(t => t.Name).Select(t => t.Name).ToArray()))
            .ToListAsync(ct);
        LatestReports = await Wiki.WikiLinks.LatestReports(db, User, 4, ct);
        OpenSurveys = await Surveys.OpenSurveys.QueryAsync(db, ct, take: 3);
    }
}
