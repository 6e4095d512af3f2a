namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>A structure and what is linked to it: its people (members only), tools, observations; merging duplicates.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class ShowModel(ObservatoireDbContext db) : RecordPageModel(db)
{
    /// <param name="Kind">As people read it: its name, « (retiré) », or « Type non précisé ».</param>
    public record View(int Id, string Slug, string Name, string Kind, string? TerritorySlug, string? TerritoryName,
        string? Description, string? Website, string? Email, string? Address);

    public View Item { get; private set; } = null!;
    public List<(string Slug, string Name, string Role)> People { get; private set; } = [];
    public List<(string Slug, string Name, int Count)> Tools { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        var item = await Db.Structures.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new View(s.Id, s.Slug, s.Name, ReferenceValues.Of(s.Kind, ReferenceValues.NoKind),
                s.Territory != null ? s.Territory.Slug : null,
                s.Territory != null ? Territory.Label(s.Territory.Name, s.Territory.Parent == null ? null : s.Territory.Parent.Name) : null, s.Description, s.Website, s.Email, s.Address))
            .FirstOrDefaultAsync(ct);
        if (item is null) return false;
        Item = item;
        await LoadRecordAsync(DirectoryRecordKind.Structure, item.Id, item.Description, ct);
        var access = await LoadObservationsAsync(o => o.StructureId == item.Id, ct);
        Tools = await DirectoryPages.ToolsCitedAsync(Validated(o => o.StructureId == item.Id), ct);
        if (access is not null)
        {
            People = (await Db.StructureMemberships.AsNoTracking().Where(m => m.StructureId == item.Id)
                    .OrderBy(m => m.Actor.FullName).Select(m => new { m.Actor.Slug, m.Actor.FullName, m.Role }).ToListAsync(ct))
                .Select(p => (p.Slug, p.FullName, p.Role)).ToList();
            CanEdit = IsCoordination || (User.IsContributor() && access.StructureIds.Contains(item.Id));
        }
        if (IsCoordination)
            MergeTargets = await Db.Structures.AsNoTracking().Where(s => s.Id != item.Id).OrderBy(s => s.Name)
                .Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        return true;
    }
}
