namespace Observatoire.Web.Pages.Wiki;

/// <summary>The latest revisions across the wiki, newest first, limited to pages the reader may see.</summary>
[ReadsFromReplica]
public class RecentModel(ObservatoireDbContext db) : PageModel
{
    public record Row(string Title, string Slug, int Number, DateTime At, string? Author, string? Comment);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LatestAsync(db, User.IsMember(), 100, ct);

    public static Task<List<Row>> LatestAsync(ObservatoireDbContext db, bool member, int count, CancellationToken ct) =>
        db.WikiRevisions.AsNoTracking()
            .Where(r => member || r.Page.Visibility == WikiVisibility.Public)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(count)
            .Select(r => new Row(r.Page.Title, r.Page.Slug, r.Number, r.CreatedAt, r.Author!.DisplayName, r.Comment))
            .ToListAsync(ct);
}
