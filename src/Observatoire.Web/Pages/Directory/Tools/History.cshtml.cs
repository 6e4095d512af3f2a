namespace Observatoire.Web.Pages.Directory.Tools;

/// <summary>Who changed what on a tool; shown to those who may edit it (Coordination).</summary>
[Authorize(Policy = Policies.Coordination)]
public class HistoryModel(ObservatoireDbContext db) : PageModel
{
    public DirectoryHistory.View History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var tool = await db.DigitalTools.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name })
            .FirstOrDefaultAsync(ct);
        if (tool is null) return NotFound();
        History = await DirectoryHistory.LoadAsync(db, DirectoryRecordKind.Tool, tool.Id, pageNumber, tool.Name,
            $"/annuaire/outils/{slug}", "Retour à l'outil", ct);
        return Page();
    }
}
