namespace Observatoire.Web.Pages.Directory.Actors;

public static class ActorEditing
{
    /// <summary>Coordination edits every person; anyone else only their own record (linked to their account).</summary>
    public static bool CanEdit(ClaimsPrincipal user, int? ownActorId, int actorId) =>
        user.IsCoordination() || ownActorId == actorId;
}

/// <summary>Creates (Coordination) or edits a person; New.cshtml and Edit.cshtml share this model.</summary>
[Authorize(Policy = Policies.Member)]
public class EditModel(ObservatoireDbContext db) : PageModel
{
    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez le nom.")]
        [StringLength(160, ErrorMessage = "Au plus 160 caractères.")]
        public string? FullName { get; set; }

        public ActorCategory Category { get; set; }

        [StringLength(160, ErrorMessage = "Au plus 160 caractères.")]
        public string? JobTitle { get; set; }

        [EmailAddress(ErrorMessage = FrenchMessages.Email)]
        [StringLength(200, ErrorMessage = "Au plus 200 caractères.")]
        public string? Email { get; set; }

        [Phone(ErrorMessage = "Saisissez un numéro de téléphone, par exemple 02 47 00 00 00.")]
        [StringLength(40, ErrorMessage = "Au plus 40 caractères.")]
        public string? Phone { get; set; }

        [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
        public string? Bio { get; set; }

        public uint Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? Slug { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var (actor, denied) = await Find(slug, ct);
        if (denied is not null) return denied;
        if (actor is not null)
            Input = new InputModel
            {
                FullName = actor.FullName, Category = actor.Category, JobTitle = actor.JobTitle, Email = actor.Email,
                Phone = actor.Phone, Bio = actor.Bio, Version = actor.Version,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var (actor, denied) = await Find(slug, ct);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var name = Input.FullName!.Trim();
        var created = actor is null;
        var before = actor is null ? null : DirectoryHistory.Snapshot(actor);
        var saved = await DirectoryPages.TargetAsync(db, actor, Input.Version, name, s => new Actor { FullName = name, Slug = s });
        saved.FullName = name;
        saved.Category = Input.Category;
        saved.JobTitle = DirectoryPages.Clean(Input.JobTitle);
        saved.Email = DirectoryPages.Clean(Input.Email);
        saved.Phone = DirectoryPages.Clean(Input.Phone);
        saved.Bio = DirectoryPages.Clean(Input.Bio);
        var changes = before is null ? [] : DirectoryHistory.Diff(before, DirectoryHistory.Snapshot(saved));
        if (await DirectoryHistory.SaveAsync(db, User, DirectoryRecordKind.Actor, created, () => saved.Id, saved.FullName, changes,
                db.Actors.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Version), ct) is uint stored)
            return Conflicted(stored);
        TempData["Message"] = $"Fiche de {saved.FullName} enregistrée.";
        return Redirect($"/annuaire/acteurs/{saved.Slug}");
    }

    private async Task<(Actor?, IActionResult?)> Find(string? slug, CancellationToken ct)
    {
        if (slug is null) return (null, User.IsCoordination() ? null : Forbid());
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (actor is null) return (null, NotFound());
        var userId = User.UserId();
        var own = await db.Users.Where(u => u.Id == userId).Select(u => u.ActorId).FirstOrDefaultAsync(ct);
        return ActorEditing.CanEdit(User, own, actor.Id) ? (actor, null) : (null, Forbid());
    }

    /// <summary>Someone saved the record meanwhile: nothing was overwritten, the form shows the conflict.</summary>
    private PageResult Conflicted(uint stored)
    {
        Conflict = true;
        Input.Version = stored;
        ModelState.Remove("Input.Version");
        return Page();
    }
}
