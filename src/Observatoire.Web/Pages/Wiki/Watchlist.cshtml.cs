namespace Observatoire.Web.Pages.Wiki;

/// <summary>The pages a member follows, with what changed on each since their last visit.</summary>
[Authorize(Policy = Policies.Member)]
public class WatchlistModel(ObservatoireDbContext db) : PageModel
{
    public record Row(string Title, string Slug, DateTime LastSeenAt, int Current, int? SeenRevision, int NewRevisions, string[] Authors);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Rows = await db.WikiWatches.AsNoTracking().Where(w => w.UserId == userId)
            .Select(w => new Row(w.Page.Title, w.Page.Slug, w.LastSeenAt, w.Page.CurrentRevisionNumber,
                w.Page.Revisions.Where(r => r.CreatedAt <= w.LastSeenAt).Max(r => (int?)r.Number),
                w.Page.Revisions.Count(r => r.CreatedAt > w.LastSeenAt),
                w.Page.Revisions.Where(r => r.CreatedAt > w.LastSeenAt && r.Author != null).Select(r => r.Author!.DisplayName).Distinct().ToArray()))
            .ToListAsync(ct);
        Rows = Rows.OrderByDescending(r => r.NewRevisions > 0).ThenBy(r => r.Title, French.Order).ToList();
    }
}
