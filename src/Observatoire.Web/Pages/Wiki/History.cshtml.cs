namespace Observatoire.Web.Pages.Wiki;

/// <summary>Every revision of a page, to compare two of them or restore an old one (as a new revision).</summary>
public class HistoryModel(ObservatoireDbContext db) : PageModel
{
    public record Row(int Number, DateTime At, string? Author, string? Comment, int Length);

    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public int Current { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Title, p.Visibility, p.IsProtected, p.CurrentRevisionNumber }).SingleOrDefaultAsync(ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility)) return Challenge();
        (Title, Slug, Current, CanEdit) = (page.Title, slug, page.CurrentRevisionNumber, WikiAccess.CanEdit(User, page.IsProtected));
        Rows = await db.WikiRevisions.AsNoTracking().Where(r => r.PageId == page.Id).OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.CreatedAt, r.Author!.DisplayName, r.Comment, r.Markdown.Length)).ToListAsync(ct);
        return Page();
    }

    /// <summary>Restoring appends the old text as a new revision: history is never rewritten.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string slug, int numero, CancellationToken ct)
    {
        var page = await db.WikiPages.SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility)) return Challenge();
        if (!WikiAccess.CanEdit(User, page.IsProtected)) return Forbid();
        var old = await db.WikiRevisions.AsNoTracking().Where(r => r.PageId == page.Id && r.Number == numero)
            .Select(r => new { r.Title, r.Markdown }).SingleOrDefaultAsync(ct);
        if (old is null) return NotFound();
        try
        {
            await WikiStore.SaveRevisionAsync(db, page, old.Title, old.Markdown, $"Restauration de la version {numero}",
                User.UserId(), DateTime.UtcNow, ct);
        }
        catch (DbUpdateException)
        {
            TempData["Message"] = "La page a été modifiée au même moment : rien n'a été restauré. Réessayez.";
            return Redirect($"/wiki/{slug}/historique");
        }
        TempData["Message"] = $"La version {numero} a été restaurée.";
        return Redirect(WikiMarkdown.PageUrl(slug));
    }
}
