namespace Observatoire.Web.Pages.Events;

/// <summary>The calendar of the network: coming events first, then the latest past ones with their minutes.</summary>
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EventQueries.Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<EventQueries.Row> Past { get; private set; } = [];
    public bool CanOrganise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        CanOrganise = User.IsMember() && await GroupAccess.Organisable(db, User).AnyAsync(ct) || User.IsCoordination();
        Upcoming = await EventQueries.Project(db.Events.AsNoTracking().Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt).Take(100))
            .ToListAsync(ct);
        Past = await EventQueries.Project(db.Events.AsNoTracking().Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt).Take(30))
            .ToListAsync(ct);
    }
}
