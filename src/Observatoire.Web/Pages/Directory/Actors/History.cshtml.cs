namespace Observatoire.Web.Pages.Directory.Actors;

/// <summary>Who changed what on a person's record and memberships; members only, like the person's page.</summary>
[Authorize(Policy = Policies.Member)]
public class HistoryModel(ObservatoireDbContext db) : PageModel
{
    public DirectoryHistory.View History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.FullName })
            .FirstOrDefaultAsync(ct);
        if (actor is null) return NotFound();
        History = await DirectoryHistory.LoadAsync(db, DirectoryRecordKind.Actor, actor.Id, pageNumber, actor.FullName,
            $"/annuaire/acteurs/{slug}", "Retour à la fiche", ct);
        return Page();
    }
}
