using Microsoft.AspNetCore.OutputCaching;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>A wiki page: its current revision, what it is about, what links to it, its files; follow or stop following it.</summary>
[OutputCache(PolicyName = PublicPageCache.WikiPolicy)]
public class ShowModel(ObservatoireDbContext db) : PageModel
{
    public record Linked(string Name, string Url);
    public record Backlink(string Title, string Slug);
    public record FileRow(string FileName, string ContentType, long Size);
    public record View(int Id, string Title, string Slug, WikiPageType Type, WikiVisibility Visibility, bool IsProtected,
        List<string> Categories, int Revision, DateTime UpdatedAt, string? Author, string Markdown);

    public View? Current { get; private set; }
    /// <summary>Set when the slug names no page yet: the page offers to create it.</summary>
    public string? MissingSlug { get; private set; }
    public WikiRendered Rendered { get; private set; } = null!;
    public IReadOnlyList<Linked> Structures { get; private set; } = [];
    public IReadOnlyList<Linked> Tools { get; private set; } = [];
    public IReadOnlyList<Linked> Territories { get; private set; } = [];
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<Linked> Observations { get; private set; } = [];
    public IReadOnlyList<Backlink> Backlinks { get; private set; } = [];
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public bool Watching { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new View(p.Id, p.Title, p.Slug, p.Type, p.Visibility, p.IsProtected, p.Categories, p.CurrentRevisionNumber,
                p.UpdatedAt, p.CurrentRevision!.Author!.DisplayName, p.CurrentRevision.Markdown))
            .SingleOrDefaultAsync(ct);
        if (page is null)
        {
            MissingSlug = slug;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!WikiAccess.CanRead(User, page.Visibility)) return Challenge();
        Current = page;
        CanEdit = WikiAccess.CanEdit(User, page.IsProtected);
        // Rendered again from the Markdown so that links to pages created since show as existing.
        Rendered = await WikiMarkdown.RenderAsync(db, page.Markdown, ct);

        var member = User.IsMember();
        var coordination = User.IsCoordination();
        Structures = await db.WikiPages.Where(p => p.Id == page.Id).SelectMany(p => p.Structures)
            .OrderBy(s => s.Name).Select(s => new Linked(s.Name, "/annuaire/structures/" + s.Slug)).ToListAsync(ct);
        Tools = await db.WikiPages.Where(p => p.Id == page.Id).SelectMany(p => p.Tools)
            .OrderBy(t => t.Name).Select(t => new Linked(t.Name, "/annuaire/outils/" + t.Slug)).ToListAsync(ct);
        Territories = await db.WikiPages.Where(p => p.Id == page.Id).SelectMany(p => p.Territories)
            .OrderBy(t => t.Name).Select(t => new Linked(Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name, t.RetiredAt != null), "/annuaire/territoires/" + t.Slug)).ToListAsync(ct);
        Themes = await db.WikiPages.Where(p => p.Id == page.Id).SelectMany(p => p.Themes)
            .OrderBy(t => t.SortOrder).Select(t => (t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToListAsync(ct);
        // Observations are never shown to visitors without an account; members see validated ones.
        Observations = member
            ? await db.WikiPages.Where(p => p.Id == page.Id).SelectMany(p => p.Observations)
                .Where(o => coordination || o.Status == ObservationStatus.Validated)
                .OrderByDescending(o => o.ObservedOn).Select(o => new Linked(o.Title, "/observations/" + o.Id)).ToListAsync(ct)
            : [];
        Backlinks = await db.WikiLinks.Where(l => l.TargetSlug == slug).Select(l => l.FromPage).Readable(User)
            .OrderBy(p => p.Title).Select(p => new Backlink(p.Title, p.Slug)).ToListAsync(ct);
        Files = await db.WikiAttachments.Where(a => a.PageId == page.Id).OrderBy(a => a.FileName)
            .Select(a => new FileRow(a.FileName, a.ContentType, a.Size)).ToListAsync(ct);

        if (member && User.UserId() is { } userId)
        {
            // Visiting a followed page marks its changes as seen.
            Watching = await db.WikiWatches.Where(w => w.UserId == userId && w.PageId == page.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastSeenAt, DateTime.UtcNow), ct) > 0;
        }
        return Page();
    }

    public Task<IActionResult> OnPostWatchAsync(string slug, CancellationToken ct) => SetWatchAsync(slug, true, ct);

    public Task<IActionResult> OnPostUnwatchAsync(string slug, CancellationToken ct) => SetWatchAsync(slug, false, ct);

    private async Task<IActionResult> SetWatchAsync(string slug, bool watch, CancellationToken ct)
    {
        if (!User.IsMember() || User.UserId() is not { } userId) return Challenge();
        var page = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Visibility }).SingleOrDefaultAsync(ct);
        if (page is null) return NotFound();
        var existing = await db.WikiWatches.FindAsync([userId, page.Id], ct);
        if (watch && existing is null)
            db.WikiWatches.Add(new WikiWatch { UserId = userId, PageId = page.Id, LastSeenAt = DateTime.UtcNow });
        else if (!watch && existing is not null)
            db.WikiWatches.Remove(existing);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = watch ? "Vous suivez cette page : ses modifications apparaîtront dans votre suivi." : "Vous ne suivez plus cette page.";
        return Redirect(WikiMarkdown.PageUrl(slug));
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} o",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} Ko",
        _ => $"{bytes / (1024.0 * 1024):0.#} Mo",
    };
}
