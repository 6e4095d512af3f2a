namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// A directory list as CSV whose columns are exactly the import's: what one instance exports, another imports into the
/// same records (names, slugs, links). Public for the lists anyone may read, like their pages.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class ExportModel(ObservatoireDbContext db, ImportAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (access.Find(kind) is not { } found || await found.ExportAsync(db, ct) is not { } rows) return NotFound();
        if (!found.ExportIsPublic && !User.IsMember()) return Challenge();
        return File(Csv.Write(found.Columns.Select(c => c.Label), rows), Csv.ContentType, $"annuaire-{found.Slug}.csv");
    }
}
