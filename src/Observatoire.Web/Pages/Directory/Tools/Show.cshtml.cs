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
    public List<(int Id, string Title, DateOnly ObservedOn, ObservationStatus Status)> Recent { get; private set; } = [];
    public int VisibleCount { get; private set; }
    public List<(int Id, string Name)> MergeTargets { get; private set; } = [];
    public bool IsMember { get; private set; }
    public IReadOnlyList<Wiki.WikiLinks.Report> Reports { get; private set; } = [];
    public IReadOnlyList<EventQueries.Row> Events { get; private set; } = [];
    public IReadOnlyList<WatchQueries.Row> WatchItems { get; private set; } = [];
    public bool IsCoordination { get; private set; }

    [BindProperty] public int? TargetId { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    /// <summary>Accepts a tool proposed by a contributor into the directory.</summary>
    public async Task<IActionResult> OnPostReferencerAsync(string slug, CancellationToken ct)
    {
        if (!User.IsCoordination()) return Forbid();
        var tool = await db.DigitalTools.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tool is null) return NotFound();
        var before = DirectoryHistory.Snapshot(tool);
        tool.Status = ToolStatus.Listed;
        DirectoryHistory.Record(db, await DirectoryHistory.AuthorAsync(db, User, ct), DirectoryRecordKind.Tool, tool.Id,
            DirectoryChangeKind.Edited, DirectoryHistory.Diff(before, DirectoryHistory.Snapshot(tool)));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"« {tool.Name} » est maintenant référencé dans l'annuaire. Complétez sa catégorie et sa licence si besoin.";
        return Redirect($"/annuaire/outils/{slug}/modifier");
    }

    /// <summary>
    /// Merges this tool (a duplicate) into the chosen one: every observation that cited this tool cites the chosen one
    /// (once), this tool's details fill the chosen one's blanks, and this tool is deleted. One transaction.
    /// </summary>
    public async Task<IActionResult> OnPostFusionnerAsync(string slug, CancellationToken ct)
    {
        if (!User.IsCoordination()) return Forbid();
        var source = await db.DigitalTools.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (source is null) return NotFound();
        var target = TargetId is int id && id != source.Id ? await db.DigitalTools.FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (target is null)
        {
            ModelState.AddModelError(nameof(TargetId), "Choisissez l'outil à garder.");
            await Load(slug, ct);
            return Page();
        }
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var observations = await db.Observations.Include(o => o.Tools)
            .Where(o => o.Tools.Any(t => t.Id == source.Id)).ToListAsync(ct);
        // Experience reports about the duplicate now point at the kept tool.
        foreach (var page in await db.WikiPages.Include(p => p.Tools).Where(p => p.Tools.Any(t => t.Id == source.Id)).ToListAsync(ct))
        {
            page.Tools.Remove(source);
            if (!page.Tools.Contains(target)) page.Tools.Add(target);
        }
        foreach (var o in observations)
        {
            var before = string.Join(", ", o.Tools.Select(t => t.Name).Order(French.Order));
            o.Tools.Remove(source);
            if (!o.Tools.Contains(target)) o.Tools.Add(target);
            db.ObservationChanges.Add(ObservationForm.Change(o, access.UserId, access.DisplayName, ObservationChangeKind.Merged,
                [new FieldChange { Field = "Outils", Before = before, After = string.Join(", ", o.Tools.Select(t => t.Name).Order(French.Order)) }],
                $"« {source.Name} » fusionné dans « {target.Name} »."));
        }
        var kept = DirectoryHistory.Snapshot(target);
        target.Description ??= source.Description;
        target.Website ??= source.Website;
        // On the kept tool: the duplicate it absorbed, then the blanks the duplicate filled.
        DirectoryHistory.Record(db, new DirectoryHistory.Author(access.UserId, access.DisplayName), DirectoryRecordKind.Tool, target.Id,
            DirectoryChangeKind.Merged,
            [new("Doublon fusionné", source.Name, target.Name), .. DirectoryHistory.Diff(kept, DirectoryHistory.Snapshot(target))]);
        db.DigitalTools.Remove(source);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = $"« {source.Name} » a été fusionné dans « {target.Name} » ({observations.Count} observation{(observations.Count > 1 ? "s" : "")} rattachée{(observations.Count > 1 ? "s" : "")}).";
        return Redirect($"/annuaire/outils/{target.Slug}");
    }

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        var tool = await db.DigitalTools.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        // A proposed tool is a contributor's wording, not yet checked: not public.
        if (tool is null || (tool.Status == ToolStatus.Pending && !IsMember)) return false;
        Tool = tool;
        Reports = await Wiki.WikiLinks.ReportsForTool(db, User, tool.Id, ct);
        Events = await EventQueries.ForTool(db, tool.Id, ct);
        WatchItems = await WatchQueries.ForTool(db, tool.Id, ct);
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
            VisibleCount = await visible.CountAsync(ct);
            Recent = (await visible.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).Take(10)
                    .Select(o => new { o.Id, o.Title, o.ObservedOn, o.Status }).ToListAsync(ct))
                .Select(o => (o.Id, o.Title, o.ObservedOn, o.Status)).ToList();
        }
        if (IsCoordination)
            MergeTargets = (await db.DigitalTools.AsNoTracking().Where(t => t.Id != tool.Id).OrderBy(t => t.Name)
                    .Select(t => new { t.Id, t.Name }).ToListAsync(ct))
                .Select(t => (t.Id, t.Name)).ToList();
        return true;
    }
}
