using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Groups;

/// <summary>
/// Creating a group (Coordination, at /groupes/nouveau) or changing its name and purpose (Coordination or its
/// animateurs, at /groupes/{slug}/modifier). A new group gets its own wiki page, saved through the wiki.
/// </summary>
[Authorize(Policy = Policies.Member)]
public class EditModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [FromRoute] public string? Slug { get; set; }
    public bool Conflict { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un nom au groupe.")]
        [StringLength(160, ErrorMessage = "Le nom ne peut dépasser 160 caractères.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Dites en quelques lignes ce que fait le groupe.")]
        [StringLength(4000, ErrorMessage = "L'objet du groupe ne peut dépasser 4 000 caractères.")]
        public string Purpose { get; set; } = "";

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Slug is null) return User.IsCoordination() ? Page() : Forbid();
        var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == Slug, ct);
        if (group is null) return NotFound();
        if (!await GroupAccess.CanManageAsync(db, User, group.Id, ct)) return Forbid();
        Input = new InputModel { Name = group.Name, Purpose = group.Purpose, Version = group.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Slug is null)
        {
            if (!User.IsCoordination()) return Forbid();
            if (!ModelState.IsValid) return Page();
            var slug = await Infrastructure.Slug.UniqueAsync(Input.Name, s => db.WorkingGroups.AnyAsync(g => g.Slug == s, ct), 140);
            var group = new WorkingGroup { Name = Input.Name.Trim(), Slug = slug, Purpose = Input.Purpose.Trim(), CreatedAt = now };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var pageSlug = await Infrastructure.Slug.UniqueAsync("Groupe " + Input.Name, s => db.WikiPages.AnyAsync(p => p.Slug == s, ct), 140);
            var page = new WikiPage { Title = "Groupe — " + group.Name, Slug = pageSlug, Type = WikiPageType.Page, Visibility = WikiVisibility.Public };
            await WikiStore.SaveRevisionAsync(db, page, page.Title, StarterPage(group), "Page du groupe créée avec le groupe",
                User.UserId(), now, ct);
            group.WikiPage = page;
            // A group always has someone to answer its join requests: its creator animates it until they name others.
            group.Memberships.Add(new GroupMembership
            {
                UserId = User.UserId(), Role = GroupRole.Facilitator, Status = MembershipStatus.Approved, RequestedAt = now, ApprovedAt = now,
            });
            db.WorkingGroups.Add(group);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            TempData["Message"] = "Le groupe est créé, avec sa page du wiki. Vous en êtes l'animateur : vous recevrez les demandes pour le rejoindre.";
            return Redirect($"/groupes/{group.Slug}");
        }

        var existing = await db.WorkingGroups.SingleOrDefaultAsync(g => g.Slug == Slug, ct);
        if (existing is null) return NotFound();
        if (!await GroupAccess.CanManageAsync(db, User, existing.Id, ct)) return Forbid();
        if (!ModelState.IsValid) return Page();
        db.Entry(existing).Property(g => g.Version).OriginalValue = Input.Version;
        existing.Name = Input.Name.Trim();
        existing.Purpose = Input.Purpose.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            var current = await db.WorkingGroups.AsNoTracking().SingleAsync(g => g.Slug == Slug, ct);
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            return Page();
        }
        TempData["Message"] = "Le groupe est enregistré.";
        return Redirect($"/groupes/{existing.Slug}");
    }

    private static string StarterPage(WorkingGroup group) => $"""
        {group.Purpose}

        ## Participants

        ## Décisions

        ## Ressources
        """;
}
