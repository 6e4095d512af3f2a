namespace Observatoire.Web.Pages.Watch;

/// <summary>Items read from feeds, waiting for Coordination to complete and publish them, or set them aside.</summary>
[Authorize(Policy = Policies.Coordination)]
public class ReviewModel(ObservatoireDbContext db) : PageModel
{
    public record Row(int Id, string Title, string Url, string Note, string? Source, DateTime CreatedAt);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.WatchItems.AsNoTracking().Where(w => w.Status == WatchStatus.ToReview)
            .OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id).Take(200)
            .Select(w => new Row(w.Id, w.Title, w.Url, w.Note, w.Source == null ? null : w.Source.Name, w.CreatedAt))
            .ToListAsync(ct);
}
