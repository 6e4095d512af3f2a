using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Directory.Actors;

/// <summary>One person: contact details (members only, like the whole page), structures, observations they made.</summary>
[Authorize(Policy = Policies.Member)]
public class ShowModel(ObservatoireDbContext db) : PageModel
{
    public Actor Item { get; private set; } = null!;
    public string? BioHtml { get; private set; }
    public List<(int Id, string Slug, string Name, string Role)> Structures { get; private set; } = [];
    public List<(int Id, string Title, DateOnly ObservedOn)> Observations { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsCoordination { get; private set; }
    public List<Choice> OtherStructures { get; private set; } = [];

    [BindProperty] public MembershipInput Membership { get; set; } = new();

    public class MembershipInput
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Structure")]
        public int? StructureId { get; set; }

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le rôle de la personne dans la structure, par exemple « animatrice numérique ».")]
        [System.ComponentModel.DataAnnotations.StringLength(160, ErrorMessage = "160 caractères au plus.")]
        [System.ComponentModel.DataAnnotations.Display(Name = "Rôle")]
        public string Role { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await Load(slug, ct) ? Page() : NotFound();

    /// <summary>Coordination links a person to a structure with a role (or changes that role).</summary>
    public async Task<IActionResult> OnPostRattacherAsync(string slug, CancellationToken ct)
    {
        if (!User.IsCoordination()) return Forbid();
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (actor is null) return NotFound();
        if (Membership.StructureId is not int structureId || !await db.Structures.AnyAsync(s => s.Id == structureId, ct))
            ModelState.AddModelError("Membership.StructureId", "Choisissez une structure de la liste.");
        if (!ModelState.IsValid)
        {
            await Load(slug, ct);
            return Page();
        }
        var existing = await db.StructureMemberships.FirstOrDefaultAsync(m => m.ActorId == actor.Id && m.StructureId == Membership.StructureId, ct);
        var role = Membership.Role.Trim();
        var structure = await db.Structures.Where(s => s.Id == Membership.StructureId).Select(s => s.Name).FirstAsync(ct);
        var before = existing is null ? null : DirectoryHistory.Membership(structure, existing.Role);
        if (existing is null)
            db.StructureMemberships.Add(new StructureMembership { ActorId = actor.Id, StructureId = Membership.StructureId!.Value, Role = role });
        else
            existing.Role = role;
        var after = DirectoryHistory.Membership(structure, role);
        if (before != after)
            DirectoryHistory.Record(db, await DirectoryHistory.AuthorAsync(db, User, ct), DirectoryRecordKind.Actor, actor.Id,
                DirectoryChangeKind.Membership, [new("Rattachement", before, after)]);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{actor.FullName} est rattaché·e à la structure.";
        return Redirect($"/annuaire/acteurs/{slug}");
    }

    /// <summary>Coordination removes a person from a structure; observations they made stay as they are.</summary>
    public async Task<IActionResult> OnPostDetacherAsync(string slug, int structureId, CancellationToken ct)
    {
        if (!User.IsCoordination()) return Forbid();
        var membership = await db.StructureMemberships.Include(m => m.Structure)
            .FirstOrDefaultAsync(m => m.Actor.Slug == slug && m.StructureId == structureId, ct);
        if (membership is null) return NotFound();
        db.StructureMemberships.Remove(membership);
        DirectoryHistory.Record(db, await DirectoryHistory.AuthorAsync(db, User, ct), DirectoryRecordKind.Actor, membership.ActorId,
            DirectoryChangeKind.Membership, [new("Rattachement", DirectoryHistory.Membership(membership.Structure.Name, membership.Role), null)]);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Rattachement retiré.";
        return Redirect($"/annuaire/acteurs/{slug}");
    }

    private async Task<bool> Load(string slug, CancellationToken ct)
    {
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (actor is null) return false;
        Item = actor;
        BioHtml = actor.Bio is null ? null : Markdown.Render(actor.Bio).Html;
        Structures = (await db.StructureMemberships.AsNoTracking().Where(m => m.ActorId == actor.Id).OrderBy(m => m.Structure.Name)
                .Select(m => new { m.StructureId, m.Structure.Slug, m.Structure.Name, m.Role }).ToListAsync(ct))
            .Select(m => (m.StructureId, m.Slug, m.Name, m.Role)).ToList();
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        Observations = (await access.Visible(db.Observations.AsNoTracking()).Where(o => o.ObserverId == actor.Id)
                .OrderByDescending(o => o.ObservedOn).Take(10).Select(o => new { o.Id, o.Title, o.ObservedOn }).ToListAsync(ct))
            .Select(o => (o.Id, o.Title, o.ObservedOn)).ToList();
        CanEdit = ActorEditing.CanEdit(User, await db.Users.Where(u => u.Id == access.UserId).Select(u => u.ActorId).FirstOrDefaultAsync(ct), actor.Id);
        IsCoordination = User.IsCoordination();
        if (IsCoordination)
            OtherStructures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        return true;
    }
}
