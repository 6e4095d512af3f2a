namespace Observatoire.Web.Pages.Directory.Tools;

/// <summary>Creates (no slug) or edits a tool; New.cshtml and Edit.cshtml share this model.</summary>
[Authorize(Policy = Policies.Coordination)]
public class EditModel(ObservatoireDbContext db) : PageModel
{
    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez le nom de l'outil.")]
        [StringLength(120, ErrorMessage = "Au plus 120 caractères.")]
        [Display(Name = "Nom")]
        public string? Name { get; set; }

        /// <summary>Null: « Catégorie non précisée ».</summary>
        [Display(Name = "Catégorie")] public int? CategoryId { get; set; }
        /// <summary>Null: « Licence inconnue ».</summary>
        [Display(Name = "Licence")] public int? LicenceId { get; set; }
        [Display(Name = "Statut")] public ToolStatus Status { get; set; }

        [WebAddress]
        [StringLength(500, ErrorMessage = "Au plus 500 caractères.")]
        [Display(Name = "Site web")]
        public string? Website { get; set; }

        [StringLength(8000, ErrorMessage = "Au plus 8 000 caractères.")]
        [Display(Name = "Description")]
        public string? Description { get; set; }

        public uint Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? Slug { get; private set; }
    public bool Conflict { get; private set; }
    public List<Choice> Categories { get; private set; } = [];
    public List<Choice> Licences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        if (slug is not null)
        {
            var t = await db.DigitalTools.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
            if (t is null) return NotFound();
            Input = new InputModel
            {
                Name = t.Name, CategoryId = t.CategoryId, LicenceId = t.LicenceId, Status = t.Status, Website = t.Website,
                Description = t.Description, Version = t.Version,
            };
        }
        await LoadChoices(Input.CategoryId, Input.LicenceId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var tool = slug is null ? null : await db.DigitalTools.FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (slug is not null && tool is null) return NotFound();
        // The tool's own values stay offered once retired; a new tool is offered only values not retired.
        await LoadChoices(tool?.CategoryId, tool?.LicenceId, ct);
        if (Input.CategoryId is int category && Categories.All(c => c.Id != category))
            ModelState.AddModelError("Input.CategoryId", "Choisissez une catégorie de la liste.");
        if (Input.LicenceId is int licence && Licences.All(c => c.Id != licence))
            ModelState.AddModelError("Input.LicenceId", "Choisissez une licence de la liste.");
        var name = Input.Name?.Trim();
        if (name is not null && await db.DigitalTools.AnyAsync(x => x.Name.ToLower() == name.ToLower() && x != tool, ct))
            ModelState.AddModelError("Input.Name", "Un outil porte déjà ce nom : ouvrez-le, ou fusionnez les doublons.");
        if (!ModelState.IsValid) return Page();

        var created = tool is null;
        var before = tool is null ? null : await DirectoryHistory.SnapshotAsync(db, tool, ct);
        var saved = await DirectoryPages.TargetAsync(db, tool, Input.Version, name!, s => new DigitalTool { Name = name!, Slug = s });
        saved.Name = name!;
        saved.CategoryId = Input.CategoryId;
        saved.LicenceId = Input.LicenceId;
        saved.Status = Input.Status;
        saved.Website = DirectoryPages.Clean(Input.Website);
        saved.Description = DirectoryPages.Clean(Input.Description);
        var changes = before is null ? [] : DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(db, saved, ct));
        if (await DirectoryHistory.SaveAsync(db, User, DirectoryRecordKind.Tool, created, () => saved.Id, saved.Name, changes,
                db.DigitalTools.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Version), ct) is uint stored)
            return Conflicted(stored);
        TempData["Message"] = $"Outil « {saved.Name} » enregistré.";
        return Redirect($"/annuaire/outils/{saved.Slug}");
    }

    /// <summary>The lists the form offers, with the values the tool has in the database (kept offered when retired).</summary>
    private async Task LoadChoices(int? categoryId, int? licenceId, CancellationToken ct)
    {
        Categories = await ReferenceChoices.OfferedAsync(db.ToolCategories, categoryId, ct);
        Licences = await ReferenceChoices.OfferedAsync(db.Licences, licenceId, ct);
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
