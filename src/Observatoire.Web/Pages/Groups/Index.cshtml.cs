namespace Observatoire.Web.Pages.Groups;

/// <summary>The working groups of the network, with their members and next meeting.</summary>
public class IndexModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    public record Row(string Name, string Slug, string Purpose, int Members, string? NextEvent, DateTime? NextAt);

    public IReadOnlyList<Row> Groups { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        CanCreate = User.IsCoordination();
        Groups = await db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Name, g.Slug, g.Purpose,
                Members = g.Memberships.Count(m => m.Status == MembershipStatus.Approved),
                Next = g.Events.Where(e => e.StartsAt > now && !e.IsCancelled).OrderBy(e => e.StartsAt)
                    .Select(e => new { e.Title, e.StartsAt }).FirstOrDefault(),
            })
            .Select(g => new Row(g.Name, g.Slug, g.Purpose, g.Members, g.Next == null ? null : g.Next.Title,
                g.Next == null ? null : g.Next.StartsAt))
            .ToListAsync(ct);
    }
}
