using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Directory.Territories;

/// <summary>Creates or edits a commune or quartier (Coordination); New.cshtml and Edit.cshtml share this model.</summary>
[Authorize(Policy = Policies.Coordination)]
public class EditModel(ObservatoireDbContext db, Audit audit) : PageModel
{
    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez le nom du territoire.")]
        [StringLength(120, ErrorMessage = "Au plus 120 caractères.")]
        public string? Name { get; set; }

        /// <summary>The commune of a quartier; none for a commune.</summary>
        public int? ParentId { get; set; }

        [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
        public string? Description { get; set; }

        public uint Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? Slug { get; private set; }
    public bool Conflict { get; private set; }
    public List<Choice> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        if (slug is not null)
        {
            var t = await db.Territories.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
            if (t is null) return NotFound();
            Input = new InputModel { Name = t.Name, ParentId = t.ParentId, Description = t.Description, Version = t.Version };
        }
        await LoadChoices(slug, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var territory = slug is null ? null : await db.Territories.FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (slug is not null && territory is null) return NotFound();
        await LoadChoices(slug, ct);
        if (Input.ParentId is int p && Communes.All(c => c.Id != p))
            ModelState.AddModelError("Input.ParentId", "Choisissez une commune de la liste.");
        if (Input.ParentId is not null && territory is not null && await db.Territories.AnyAsync(x => x.ParentId == territory.Id, ct))
            ModelState.AddModelError("Input.ParentId", "Ce territoire a des quartiers : il reste une commune.");
        if (!ModelState.IsValid) return Page();
        var name = Input.Name!.Trim();
        var created = territory is null;
        var before = territory is null ? null : await DirectoryHistory.SnapshotAsync(db, territory, ct);
        var saved = await DirectoryPages.TargetAsync(db, territory, Input.Version, name, s => new Territory { Name = name, Slug = s });
        saved.Name = name;
        // A new territory, or one moved to another commune, comes last among its new siblings (/admin/listes/territoires).
        if (created || saved.ParentId != Input.ParentId)
            saved.SortOrder = (await db.Territories.Where(t => t.ParentId == Input.ParentId && t.Id != saved.Id)
                .MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1;
        saved.ParentId = Input.ParentId;
        saved.Kind = Input.ParentId is null ? TerritoryKind.Municipality : TerritoryKind.Neighbourhood;
        saved.Description = DirectoryPages.Clean(Input.Description);
        var changes = before is null ? [] : DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(db, saved, ct));
        if (await DirectoryHistory.SaveAsync(db, User, DirectoryRecordKind.Territory, created, () => saved.Id, saved.Name, changes,
                db.Territories.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Version), ct) is uint stored)
            return Conflicted(stored);
        // Territories are also a reference list (/admin/listes/territoires): their changes go to the audit log from here too.
        var target = $"territoire « {saved.Name} »";
        if (created)
            await audit.RecordAsync(AuditActions.ListValueAdded, target, saved.Name);
        foreach (var c in changes)
            await audit.RecordAsync(c.Label switch { "Nom" => AuditActions.ListValueRenamed, "Description" => AuditActions.ListValueDescribed, _ => AuditActions.ListValueEdited },
                target, $"{c.Label} : « {c.Before ?? ""} » → « {c.After ?? ""} »");
        TempData["Message"] = $"Territoire « {saved.Name} » enregistré.";
        return Redirect($"/annuaire/territoires/{saved.Slug}");
    }

    /// <summary>Communes in use, and the territory's own commune even if retired.</summary>
    private async Task LoadChoices(string? slug, CancellationToken ct) =>
        Communes = await ReferenceChoices.Ordered(db.Territories.AsNoTracking()
                .Where(t => t.ParentId == null && t.Slug != slug && (t.RetiredAt == null || t.Children.Any(c => c.Slug == slug))))
            .Select(t => new Choice(t.Id, t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToListAsync(ct);

    /// <summary>Someone saved the record meanwhile: nothing was overwritten, the form shows the conflict.</summary>
    private PageResult Conflicted(uint stored)
    {
        Conflict = true;
        Input.Version = stored;
        ModelState.Remove("Input.Version");
        return Page();
    }
}
