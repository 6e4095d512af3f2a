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

        [Display(Name = "Catégorie")] public ToolCategory Category { get; set; } = ToolCategory.Other;
        [Display(Name = "Licence")] public ToolLicence Licence { get; set; }
        [Display(Name = "Statut")] public ToolStatus Status { get; set; }

        [Url(ErrorMessage = "Saisissez une adresse complète, par exemple https://exemple.fr.")]
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

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        if (slug is null) return Page();
        var t = await db.DigitalTools.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (t is null) return NotFound();
        Input = new InputModel
        {
            Name = t.Name, Category = t.Category, Licence = t.Licence, Status = t.Status, Website = t.Website,
            Description = t.Description, Version = t.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        Slug = slug;
        var tool = slug is null ? null : await db.DigitalTools.FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (slug is not null && tool is null) return NotFound();
        var name = Input.Name?.Trim();
        if (name is not null && await db.DigitalTools.AnyAsync(x => x.Name.ToLower() == name.ToLower() && x != tool, ct))
            ModelState.AddModelError("Input.Name", "Un outil porte déjà ce nom : ouvrez-le, ou fusionnez les doublons.");
        if (!ModelState.IsValid) return Page();

        var created = tool is null;
        var before = tool is null ? null : DirectoryHistory.Snapshot(tool);
        var saved = await DirectoryPages.TargetAsync(db, tool, Input.Version, name!, s => new DigitalTool { Name = name!, Slug = s });
        saved.Name = name!;
        saved.Category = Input.Category;
        saved.Licence = Input.Licence;
        saved.Status = Input.Status;
        saved.Website = DirectoryPages.Clean(Input.Website);
        saved.Description = DirectoryPages.Clean(Input.Description);
        var changes = before is null ? [] : DirectoryHistory.Diff(before, DirectoryHistory.Snapshot(saved));
        if (await DirectoryHistory.SaveAsync(db, User, DirectoryRecordKind.Tool, created, () => saved.Id, saved.Name, changes,
                db.DigitalTools.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Version), ct) is uint stored)
            return Conflicted(stored);
        TempData["Message"] = $"Outil « {saved.Name} » enregistré.";
        return Redirect($"/annuaire/outils/{saved.Slug}");
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
