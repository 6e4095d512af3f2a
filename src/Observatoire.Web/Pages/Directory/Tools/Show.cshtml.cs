namespace Observatoire.Web.Pages.Directory.Tools;

/// <summary>
/// A tool and everything linked to it: the structures that use it, its observations over time. Coordination accepts
/// a proposed tool here, or merges a duplicate into the right entry.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class ShowModel(ObservatoireDbContext db) : RecordPageModel(db)
{
    public DigitalTool Tool { get; private set; } = null!;
    public List<(string Slug, string Name, int Count)> Structures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    /// <summary>Accepts a tool proposed by a contributor into the directory.</summary>
    public async Task<IActionResult> OnPostReferencerAsync(string slug, CancellationToken ct)
    {
        if (!User.IsCoordination()) return Forbid();
        var tool = await Db.DigitalTools.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tool is null) return NotFound();
        var before = await DirectoryHistory.SnapshotAsync(Db, tool, ct);
        tool.Status = ToolStatus.Listed;
        DirectoryHistory.Record(Db, await DirectoryHistory.AuthorAsync(Db, User, ct), DirectoryRecordKind.Tool, tool.Id,
            DirectoryChangeKind.Edited, DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(Db, tool, ct)));
        await Db.SaveChangesAsync(ct);
        TempData["Message"] = $"« {tool.Name} » est maintenant référencé dans l'annuaire. Complétez sa catégorie et sa licence si besoin.";
        return Redirect($"/annuaire/outils/{slug}/modifier");
    }

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        var tool = await Db.DigitalTools.AsNoTracking().Include(t => t.Category).Include(t => t.Licence)
            .FirstOrDefaultAsync(t => t.Slug == slug, ct);
        // A proposed tool is a contributor's wording, not yet checked: not public.
        if (tool is null || (tool.Status == ToolStatus.Pending && !User.IsMember())) return false;
        Tool = tool;
        await LoadRecordAsync(DirectoryRecordKind.Tool, tool.Id, tool.Description, ct);
        await LoadObservationsAsync(o => o.Tools.Any(t => t.Id == tool.Id), ct);
        Structures = (await Validated(o => o.Tools.Any(t => t.Id == tool.Id)).GroupBy(o => new { o.Structure.Slug, o.Structure.Name })
                .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Name)
                .ToListAsync(ct))
            .Select(s => (s.Slug, s.Name, s.Count)).ToList();
        if (IsCoordination)
            MergeTargets = await Db.DigitalTools.AsNoTracking().Where(t => t.Id != tool.Id).OrderBy(t => t.Name)
                .Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        return true;
    }
}
