namespace Observatoire.Web.Pages.Wiki;

/// <summary>What changed between two revisions, word by word.</summary>
public class DiffModel(ObservatoireDbContext db) : PageModel
{
    public record Side(int Number, string Title, DateTime At, string? Author, string? Comment);

    public string Slug { get; private set; } = "";
    public string PageTitle { get; private set; } = "";
    public Side From { get; private set; } = null!;
    public Side To { get; private set; } = null!;
    public IReadOnlyList<DiffSegment> Changes { get; private set; } = [];
    public IReadOnlyList<DiffSegment>? TitleChanges { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? de, int? a, CancellationToken ct)
    {
        var page = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Title, p.Visibility, p.CurrentRevisionNumber }).SingleOrDefaultAsync(ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility)) return Challenge();
        var to = a ?? page.CurrentRevisionNumber;
        var from = de ?? Math.Max(1, to - 1);
        // Always older to newer, whichever way the two versions were picked.
        if (from > to) (from, to) = (to, from);
        var revisions = await db.WikiRevisions.AsNoTracking()
            .Where(r => r.PageId == page.Id && (r.Number == from || r.Number == to))
            .Select(r => new { r.Number, r.Title, r.CreatedAt, Author = r.Author!.DisplayName, r.Comment, r.Markdown })
            .ToListAsync(ct);
        var older = revisions.SingleOrDefault(r => r.Number == from);
        var newer = revisions.SingleOrDefault(r => r.Number == to);
        if (older is null || newer is null) return NotFound();
        Slug = slug;
        PageTitle = page.Title;
        From = new Side(older.Number, older.Title, older.CreatedAt, older.Author, older.Comment);
        To = new Side(newer.Number, newer.Title, newer.CreatedAt, newer.Author, newer.Comment);
        Changes = WikiDiff.Words(older.Markdown, newer.Markdown);
        if (older.Title != newer.Title) TitleChanges = WikiDiff.Words(older.Title, newer.Title);
        return Page();
    }
}
