using Observatoire.Web.Pages.Observations;

using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Watch;

namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>A structure and what is linked to it: its people (members only), tools, observations; merging duplicates.</summary>
[AllowAnonymous]
public class ShowModel(ObservatoireDbContext db) : PageModel
{
    public record View(int Id, string Slug, string Name, StructureKind Kind, string? TerritorySlug, string? TerritoryName,
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

    [BindProperty] public int? TargetId { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    /// <summary>
    /// Merges this structure (a duplicate) into the chosen one: its observations, members and accounts move over
    /// (without duplicate links), its details fill the chosen one's blanks, and it is deleted. One transaction.
    /// </summary>
    public async Task<IActionResult> OnPostFusionnerAsync(string slug, CancellationToken ct)
    {
        // The page is open to visitors, so its [Authorize] cannot guard this handler: a visitor is sent to sign in.
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!User.IsCoordination()) return Forbid();
        var source = await db.Structures.Include(s => s.Memberships).Include(s => s.Users)
            .FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (source is null) return NotFound();
        var target = TargetId is int id && id != source.Id
            ? await db.Structures.Include(s => s.Memberships).Include(s => s.Users).FirstOrDefaultAsync(s => s.Id == id, ct)
            : null;
        if (target is null)
        {
            ModelState.AddModelError(nameof(TargetId), "Choisissez la structure à garder.");
            await Load(slug, ct);
            return Page();
        }
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var observations = await db.Observations.Where(o => o.StructureId == source.Id).ToListAsync(ct);
        // Experience reports about the duplicate now point at the kept structure.
        foreach (var page in await db.WikiPages.Include(p => p.Structures).Where(p => p.Structures.Any(s => s.Id == source.Id)).ToListAsync(ct))
        {
            page.Structures.Remove(source);
            if (!page.Structures.Contains(target)) page.Structures.Add(target);
        }
        foreach (var o in observations)
        {
            o.StructureId = target.Id;
            db.ObservationChanges.Add(ObservationForm.Change(o, access.UserId, access.DisplayName, ObservationChangeKind.Merged,
                [new FieldChange { Field = "Structure", Before = source.Name, After = target.Name }],
                $"« {source.Name} » fusionnée dans « {target.Name} »."));
        }
        var who = new DirectoryHistory.Author(access.UserId, access.DisplayName);
        var at = DateTime.UtcNow;
        foreach (var m in source.Memberships.ToList())
        {
            var kept = target.Memberships.FirstOrDefault(t => t.ActorId == m.ActorId);
            if (kept is null)
                db.StructureMemberships.Add(new StructureMembership { ActorId = m.ActorId, StructureId = target.Id, Role = m.Role });
            db.StructureMemberships.Remove(m);
            // The person's page says where their membership went.
            DirectoryHistory.Record(db, who, DirectoryRecordKind.Actor, m.ActorId, DirectoryChangeKind.Merged,
                [new("Rattachement", DirectoryHistory.Membership(source.Name, m.Role),
                    DirectoryHistory.Membership(target.Name, kept?.Role ?? m.Role))], at);
        }
        var before = await DirectoryHistory.SnapshotAsync(db, target, ct);
        foreach (var u in source.Users.ToList())
        {
            if (!target.Users.Contains(u)) target.Users.Add(u);
            source.Users.Remove(u);
        }
        target.Description ??= source.Description;
        target.Website ??= source.Website;
        target.Email ??= source.Email;
        target.Address ??= source.Address;
        target.TerritoryId ??= source.TerritoryId;
        // On the kept structure: the duplicate it absorbed, then the blanks the duplicate filled.
        DirectoryHistory.Record(db, who, DirectoryRecordKind.Structure, target.Id, DirectoryChangeKind.Merged,
            [new("Doublon fusionné", source.Name, target.Name), .. DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(db, target, ct))], at);
        db.Structures.Remove(source);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = $"« {source.Name} » a été fusionnée dans « {target.Name} ».";
        return Redirect($"/annuaire/structures/{target.Slug}");
    }

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        var item = await db.Structures.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new View(s.Id, s.Slug, s.Name, s.Kind, s.Territory != null ? s.Territory.Slug : null,
                s.Territory != null ? s.Territory.Name : null, s.Description, s.Website, s.Email, s.Address))
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
