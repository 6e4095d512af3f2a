using Observatoire.Web.Pages.Observations;

using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Watch;

namespace Observatoire.Web.Pages.Directory.Tools;

/// <summary>
/// A tool and everything linked to it: the structures that use it, its observations over time. Coordination accepts
/// a proposed tool here, or merges a duplicate into the right entry.
/// </summary>
[AllowAnonymous]
public class ShowModel(ObservatoireDbContext db) : PageModel
{
    public DigitalTool Tool { get; private set; } = null!;
    public string? DescriptionHtml { get; private set; }
    public List<(string Slug, string Name, int Count)> Structures { get; private set; } = [];
    public List<DirectoryPages.Month> Months { get; private set; } = [];
    public int ValidatedCount { get; private set; }
    public List<DirectoryPages.Latest> Recent { get; private set; } = [];
    public int VisibleCount { get; private set; }
    public List<Choice> MergeTargets { get; private set; } = [];
    public bool IsMember { get; private set; }
    public DirectoryPages.Mentions Mentions { get; private set; } = null!;
    public bool IsCoordination { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    /// <summary>Accepts a tool proposed by a contributor into the directory.</summary>
    public async Task<IActionResult> OnPostReferencerAsync(string slug, CancellationToken ct)
    {
        if (!User.IsCoordination()) return Forbid();
        var tool = await db.DigitalTools.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tool is null) return NotFound();
        var before = await DirectoryHistory.SnapshotAsync(db, tool, ct);
        tool.Status = ToolStatus.Listed;
        DirectoryHistory.Record(db, await DirectoryHistory.AuthorAsync(db, User, ct), DirectoryRecordKind.Tool, tool.Id,
            DirectoryChangeKind.Edited, DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(db, tool, ct)));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"« {tool.Name} » est maintenant référencé dans l'annuaire. Complétez sa catégorie et sa licence si besoin.";
        return Redirect($"/annuaire/outils/{slug}/modifier");
    }

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        var tool = await db.DigitalTools.AsNoTracking().Include(t => t.Category).Include(t => t.Licence)
            .FirstOrDefaultAsync(t => t.Slug == slug, ct);
        // A proposed tool is a contributor's wording, not yet checked: not public.
        if (tool is null || (tool.Status == ToolStatus.Pending && !IsMember)) return false;
        Tool = tool;
        Mentions = new(await Wiki.WikiLinks.ReportsForTool(db, User, tool.Id, ct), await EventQueries.ForTool(db, tool.Id, ct),
            await WatchQueries.ForTool(db, tool.Id, ct));
        DescriptionHtml = tool.Description is null ? null : Markdown.Render(tool.Description).Html;
        var validated = db.Observations.AsNoTracking()
            .Where(o => o.Status == ObservationStatus.Validated && o.Tools.Any(t => t.Id == tool.Id));
        ValidatedCount = await validated.CountAsync(ct);
        Structures = (await validated.GroupBy(o => new { o.Structure.Slug, o.Structure.Name })
                .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Name)
                .ToListAsync(ct))
            .Select(s => (s.Slug, s.Name, s.Count)).ToList();
        Months = await DirectoryPages.MonthlyAsync(validated, ct);
        if (IsMember)
        {
            var access = await ObservationAccess.LoadAsync(db, User, ct);
            var visible = access.Visible(db.Observations.AsNoTracking()).Where(o => o.Tools.Any(t => t.Id == tool.Id));
            (VisibleCount, Recent) = await DirectoryPages.VisibleAsync(visible, ct);
        }
        if (IsCoordination)
            MergeTargets = await db.DigitalTools.AsNoTracking().Where(t => t.Id != tool.Id).OrderBy(t => t.Name)
                .Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        return true;
    }
}
