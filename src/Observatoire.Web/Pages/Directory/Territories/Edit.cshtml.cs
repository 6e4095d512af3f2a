using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Directory.Territories;

/// <summary>Creates or edits a commune or quartier (Coordination); New.cshtml and Edit.cshtml share this model.</summary>
[Authorize(Policy = Policies.Coordination)]
public class EditModel(ObservatoireDbContext db) : PageModel
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
        if (territory is null)
        {
            territory = new Territory
            {
                Name = name,
                Slug = await Infrastructure.Slug.UniqueAsync(name, s => Task.FromResult(
                    DirectoryPages.ReservedSlugs.Contains(s) || db.Territories.Any(x => x.Slug == s))),
            };
            db.Territories.Add(territory);
        }
        else
        {
            db.Entry(territory).Property(x => x.Version).OriginalValue = Input.Version;
        }
        territory.Name = name;
        territory.ParentId = Input.ParentId;
        territory.Kind = Input.ParentId is null ? TerritoryKind.Municipality : TerritoryKind.Neighbourhood;
        territory.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        var changes = before is null ? [] : DirectoryHistory.Diff(before, await DirectoryHistory.SnapshotAsync(db, territory, ct));
        var who = await DirectoryHistory.AuthorAsync(db, User, ct);
        try
        {
            var saved = territory;
            await DirectoryHistory.SaveAsync(db, who, DirectoryRecordKind.Territory, created, () => saved.Id, saved.Name, changes, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            Input.Version = await db.Territories.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Version).FirstOrDefaultAsync(ct);
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Message"] = $"Territoire « {territory.Name} » enregistré.";
        return Redirect($"/annuaire/territoires/{territory.Slug}");
    }

    private async Task LoadChoices(string? slug, CancellationToken ct) =>
        Communes = await db.Territories.AsNoTracking().Where(t => t.ParentId == null && t.Slug != slug).OrderBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
}
