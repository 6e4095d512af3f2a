namespace Observatoire.Web.Pages.Watch;

/// <summary>The participatory watch: links to practices and tools spotted elsewhere, newest first, filtered by theme or tool.</summary>
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public const int PageSize = 30;

    public record Choice(string Slug, string Name);

    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    [FromQuery(Name = "outil")] public string? Tool { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<WatchQueries.Row> Items { get; private set; } = [];
    public IReadOnlyList<Choice> Themes { get; private set; } = [];
    public IReadOnlyList<Choice> Tools { get; private set; } = [];
    public int Total { get; private set; }
    public int ToReview { get; private set; }
    public bool IsMember { get; private set; }
    public bool IsCoordination { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var query = db.WatchItems.AsNoTracking().Where(w => w.Status == WatchStatus.Published);
        if (!string.IsNullOrEmpty(Theme)) query = query.Where(w => w.Themes.Any(t => t.Slug == Theme));
        if (!string.IsNullOrEmpty(Tool)) query = query.Where(w => w.Tools.Any(t => t.Slug == Tool));
        Total = await query.CountAsync(ct);
        Items = await WatchQueries.Project(query.OrderByDescending(w => w.PublishedAt).ThenByDescending(w => w.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        Themes = [.. (await ReferenceChoices.FiltersAsync(db.Themes, ct)).Select(t => new Choice(t.Slug, t.Name))];
        Tools = await db.DigitalTools.AsNoTracking()
            .Where(t => db.WatchItems.Any(w => w.Status == WatchStatus.Published && w.Tools.Any(x => x.Id == t.Id)))
            .OrderBy(t => t.Name).Select(t => new Choice(t.Slug, t.Name)).ToListAsync(ct);
        if (IsCoordination) ToReview = await db.WatchItems.CountAsync(w => w.Status == WatchStatus.ToReview, ct);
    }

    public string PageUrl(int page) =>
        "/veille?" + string.Join("&", new[] { Theme is null ? null : "theme=" + Uri.EscapeDataString(Theme),
            Tool is null ? null : "outil=" + Uri.EscapeDataString(Tool), "page=" + page }.Where(p => p is not null));
}
