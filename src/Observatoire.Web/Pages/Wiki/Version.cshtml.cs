namespace Observatoire.Web.Pages.Wiki;

/// <summary>An old revision as it was rendered when it was saved.</summary>
public class VersionModel(ObservatoireDbContext db) : PageModel
{
    public record View(string PageTitle, string Title, int Number, int Current, DateTime At, string? Author, string? Comment, string Html);

    public View Revision { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, int numero, CancellationToken ct)
    {
        var page = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Visibility }).SingleOrDefaultAsync(ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility)) return Challenge();
        var revision = await db.WikiRevisions.AsNoTracking().Where(r => r.PageId == page.Id && r.Number == numero)
            .Select(r => new View(r.Page.Title, r.Title, r.Number, r.Page.CurrentRevisionNumber, r.CreatedAt, r.Author!.DisplayName, r.Comment, r.Html))
            .SingleOrDefaultAsync(ct);
        if (revision is null) return NotFound();
        (Revision, Slug) = (revision, slug);
        return Page();
    }
}
