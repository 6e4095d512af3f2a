using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>Who changed what on a structure; shown to those who may edit it (Coordination, its contributors).</summary>
[Authorize(Policy = Policies.Contributor)]
public class HistoryModel(ObservatoireDbContext db) : PageModel
{
    public DirectoryHistory.View History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var structure = await db.Structures.AsNoTracking().Where(s => s.Slug == slug).Select(s => new { s.Id, s.Name })
            .FirstOrDefaultAsync(ct);
        if (structure is null) return NotFound();
        if (!User.IsCoordination()
            && !(await ObservationAccess.LoadAsync(db, User, ct)).StructureIds.Contains(structure.Id))
            return Forbid();
        History = await DirectoryHistory.LoadAsync(db, DirectoryRecordKind.Structure, structure.Id, pageNumber, structure.Name,
            $"/annuaire/structures/{slug}", "Retour à la structure", ct);
        return Page();
    }
}
