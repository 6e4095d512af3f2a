using Observatoire.Web.Pages.Observations;

using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Watch;

namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>A structure and what is linked to it: its people (members only), tools, observations; merging duplicates.</summary>
[AllowAnonymous]
public class ShowModel(ObservatoireDbContext db) : PageModel
{
    /// <param name="Kind">As people read it: its name, « (retiré) », or « Type non précisé ».</param>
    public record View(int Id, string Slug, string Name, string Kind, string? TerritorySlug, string? TerritoryName,
        string? Description, string? Website, string? Email, string? Address);

    public View Item { get; private set; } = null!;
    public string? DescriptionHtml { get; private set; }
    public List<(string Slug, string Name, string Role)> People { get; private set; } = [];
    public List<(string Slug, string Name, int Count)> Tools { get; private set; } = [];
    public List<DirectoryPages.Month> Months { get; private set; } = [];
    public int ValidatedCount { get; private set; }
    public List<DirectoryPages.Latest> Recent { get; private set; } = [];
    public int VisibleCount { get; private set; }
    public List<Choice> MergeTargets { get; private set; } = [];
    public bool IsMember { get; private set; }
    public DirectoryPages.Mentions Mentions { get; private set; } = null!;
    public bool IsCoordination { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        var item = await db.Structures.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new View(s.Id, s.Slug, s.Name, ReferenceValues.Of(s.Kind, ReferenceValues.NoKind),
                s.Territory != null ? s.Territory.Slug : null,
                s.Territory != null ? Territory.Label(s.Territory.Name, s.Territory.Parent == null ? null : s.Territory.Parent.Name) : null, s.Description, s.Website, s.Email, s.Address))
            .FirstOrDefaultAsync(ct);
        if (item is null) return false;
        Item = item;
        Mentions = new(await Wiki.WikiLinks.ReportsForStructure(db, User, item.Id, ct), await EventQueries.ForStructure(db, item.Id, ct),
            await WatchQueries.ForStructure(db, item.Id, ct));
        DescriptionHtml = item.Description is null ? null : Markdown.Render(item.Description).Html;
        var validated = db.Observations.AsNoTracking().Where(o => o.StructureId == item.Id && o.Status == ObservationStatus.Validated);
        ValidatedCount = await validated.CountAsync(ct);
        Tools = await DirectoryPages.ToolsCitedAsync(validated, ct);
        Months = await DirectoryPages.MonthlyAsync(validated, ct);
        if (IsMember)
        {
            People = (await db.StructureMemberships.AsNoTracking().Where(m => m.StructureId == item.Id)
                    .OrderBy(m => m.Actor.FullName).Select(m => new { m.Actor.Slug, m.Actor.FullName, m.Role }).ToListAsync(ct))
                .Select(p => (p.Slug, p.FullName, p.Role)).ToList();
            var access = await ObservationAccess.LoadAsync(db, User, ct);
            var visible = access.Visible(db.Observations.AsNoTracking()).Where(o => o.StructureId == item.Id);
            (VisibleCount, Recent) = await DirectoryPages.VisibleAsync(visible, ct);
            CanEdit = IsCoordination || (User.IsContributor() && access.StructureIds.Contains(item.Id));
        }
        if (IsCoordination)
            MergeTargets = await db.Structures.AsNoTracking().Where(s => s.Id != item.Id).OrderBy(s => s.Name)
                .Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        return true;
    }
}
