using System.Linq.Expressions;

namespace Observatoire.Web.Pages.Directory.Territories;

/// <summary>A commune or quartier: its quartiers, structures, the tools observed there and observations over time.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class ShowModel(ObservatoireDbContext db) : RecordPageModel(db)
{
    public Territory Item { get; private set; } = null!;
    /// <summary>The territory as people read it, « Centre (Tours) », marked when retired.</summary>
    public string Label { get; private set; } = "";
    public (string Slug, string Name)? Parent { get; private set; }
    public List<(string Slug, string Name)> Children { get; private set; } = [];
    /// <summary>The structures here, with their kind as people read it (null when they have none).</summary>
    public List<(string Slug, string Name, string? Kind)> Structures { get; private set; } = [];
    public List<(string Slug, string Name, int Count)> Tools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var item = await Db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (item is null) return NotFound();
        Item = item;
        await LoadRecordAsync(DirectoryRecordKind.Territory, item.Id, item.Description, ct);
        Parent = await Db.Territories.AsNoTracking().Where(t => t.Id == item.ParentId)
            .Select(t => new ValueTuple<string, string>(t.Slug, t.Name)).FirstOrDefaultAsync(ct) is { Item1: not null } p ? p : null;
        Label = Territory.Label(item.Name, Parent?.Name, item.RetiredAt != null);
        Children = (await Db.Territories.AsNoTracking().Where(t => t.ParentId == item.Id).OrderBy(t => t.Name)
            .Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, Territory.Label(t.Name, item.Name))).ToList();
        Structures = (await Db.Structures.AsNoTracking()
                .Where(s => s.TerritoryId == item.Id || (s.Territory != null && s.Territory.ParentId == item.Id))
                .OrderBy(s => s.Name).Select(s => new { s.Slug, s.Name, Kind = s.Kind != null ? s.Kind.Name : null,
                    KindRetiredAt = s.Kind != null ? s.Kind.RetiredAt : null }).ToListAsync(ct))
            .Select(s => (s.Slug, s.Name, s.Kind is null ? null : ReferenceValues.Of(s.Kind, s.KindRetiredAt))).ToList();
        // A commune counts the observations of its quartiers; members see no list here (the page is about places).
        Expression<Func<Observation, bool>> here = o => o.TerritoryId == item.Id || o.Territory.ParentId == item.Id;
        await LoadObservationsAsync(here, ct, listForMembers: false);
        Tools = await DirectoryPages.ToolsCitedAsync(Validated(here), ct, most: 15);
        return Page();
    }
}
