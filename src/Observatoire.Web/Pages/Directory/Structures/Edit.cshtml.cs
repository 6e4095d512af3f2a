using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>
/// Creates (Coordination) or edits a structure (Coordination, or a contributor attached to it, who knows it best).
/// New.cshtml and Edit.cshtml share this model.
/// </summary>
[Authorize(Policy = Policies.Contributor)]
public class EditModel(ObservatoireDbContext db) : PageModel
{
    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez le nom de la structure.")]
        [StringLength(200, ErrorMessage = "Au plus 200 caractères.")]
        public string? Name { get; set; }

        /// <summary>Required once the instance has kinds (<see cref="KindRequired"/>).</summary>
        public int? KindId { get; set; }
        public int? TerritoryId { get; set; }

        [StringLength(300, ErrorMessage = "Au plus 300 caractères.")]
        public string? Address { get; set; }

        [WebAddress]
        [StringLength(500, ErrorMessage = "Au plus 500 caractères.")]
        public string? Website { get; set; }

        [EmailAddress(ErrorMessage = FrenchMessages.Email)]
        [StringLength(200, ErrorMessage = "Au plus 200 caractères.")]
        public string? Email { get; set; }

        [StringLength(8000, ErrorMessage = "Au plus 8 000 caractères.")]
        public string? Description { get; set; }

        public uint Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? Slug { get; private set; }
    public bool Conflict { get; private set; }
    public List<Choice> Territories { get; private set; } = [];
    public List<Choice> Kinds { get; private set; } = [];
    /// <summary>At least one kind is in use: the form asks for one. Without any, it says where kinds are created.</summary>
    public bool KindRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var (structure, denied) = await Find(slug, ct);
        if (denied is not null) return denied;
        if (structure is not null)
            Input = new InputModel
            {
                Name = structure.Name, KindId = structure.KindId, TerritoryId = structure.TerritoryId, Address = structure.Address,
                Website = structure.Website, Email = structure.Email, Description = structure.Description, Version = structure.Version,
            };
        await LoadChoices(structure?.KindId, structure?.TerritoryId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var (structure, denied) = await Find(slug, ct);
        if (denied is not null) return denied;
        await LoadChoices(structure?.KindId, structure?.TerritoryId, ct);
        var name = Input.Name?.Trim();
        if (name is not null && await db.Structures.AnyAsync(s => s.Name.ToLower() == name.ToLower() && s != structure, ct))
            ModelState.AddModelError("Input.Name", "Une structure porte déjà ce nom : ouvrez-la, ou fusionnez les doublons.");
        if (Input.TerritoryId is int t && Territories.All(c => c.Id != t))
            ModelState.AddModelError("Input.TerritoryId", "Choisissez un territoire de la liste.");
        if (Input.KindId is int k && Kinds.All(c => c.Id != k))
            ModelState.AddModelError("Input.KindId", "Choisissez un type de la liste.");
        else if (Input.KindId is null && KindRequired)
            ModelState.AddModelError("Input.KindId", "Choisissez le type de la structure.");
        if (!ModelState.IsValid) return Page();

        var created = structure is null;
        var before = structure is null ? null : await DirectoryHistory.SnapshotAsync(db, structure, ct);
        var saved = await DirectoryPages.TargetAsync(db, structure, Input.Version, name!, s => new Structure { Name = name!, Slug = s });
        saved.Name = name!;
        saved.KindId = Input.KindId;
        saved.TerritoryId = Input.TerritoryId;
        saved.Address = DirectoryPages.Clean(Input.Address);
        saved.Website = DirectoryPages.Clean(Input.Website);
        saved.Email = DirectoryPages.Clean(Input.Email);
        saved.Description = DirectoryPages.Clean(Input.Description);
        var changes = before is null ? [] : DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(db, saved, ct));
        if (await DirectoryHistory.SaveAsync(db, User, DirectoryRecordKind.Structure, created, () => saved.Id, saved.Name, changes,
                db.Structures.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Version), ct) is uint stored)
            return Conflicted(stored);
        TempData["Message"] = $"Structure « {saved.Name} » enregistrée.";
        return Redirect($"/annuaire/structures/{saved.Slug}");
    }

    private async Task<(Structure?, IActionResult?)> Find(string? slug, CancellationToken ct)
    {
        var coordination = User.IsCoordination();
        if (slug is null) return (null, coordination ? null : Forbid());
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (structure is null) return (null, NotFound());
        if (coordination) return (structure, null);
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        return access.StructureIds.Contains(structure.Id) ? (structure, null) : (null, Forbid());
    }

    /// <param name="currentKindId">The kind the record has in the database: kept offered when retired.</param>
    /// <param name="currentTerritoryId">The structure's own territory: offered even when retired.</param>
    private async Task LoadChoices(int? currentKindId, int? currentTerritoryId, CancellationToken ct)
    {
        Territories = await ReferenceChoices.TerritoriesAsync(db, [currentTerritoryId], ct);
        Kinds = await ReferenceChoices.OfferedAsync(db.StructureKinds, currentKindId, ct);
        KindRequired = await db.StructureKinds.AnyAsync(k => k.RetiredAt == null, ct);
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
