namespace Observatoire.Web.Pages.Directory.Territories;

/// <summary>Who changed what on a territory; shown to those who may edit it (Coordination).</summary>
[Authorize(Policy = Policies.Coordination)]
public class HistoryModel(ObservatoireDbContext db) : PageModel
{
    public DirectoryHistory.View History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var territory = await db.Territories.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, Name = Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name) })
            .FirstOrDefaultAsync(ct);
        if (territory is null) return NotFound();
        History = await DirectoryHistory.LoadAsync(db, DirectoryRecordKind.Territory, territory.Id, pageNumber, territory.Name,
            $"/annuaire/territoires/{slug}", "Retour au territoire", ct);
        return Page();
    }
}
