namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// The wording of the appropriation scale's four fixed steps. The steps themselves never change (observations and
/// figures count them by number); their name and explanation are shown everywhere a level appears: observation forms
/// and pages, the dashboard, the CSV export, the PDF syntheses.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class LevelsModel(ObservatoireDbContext db, Audit audit) : PageModel
{
    public class LevelInput
    {
        public int Level { get; set; }

        [Required(ErrorMessage = "Indiquez le nom du niveau.")]
        [StringLength(80, ErrorMessage = "Au plus 80 caractères.")]
        public string? Name { get; set; }

        [StringLength(500, ErrorMessage = "Au plus 500 caractères.")]
        public string? Description { get; set; }

        /// <summary>The stored row's xmin when the form was drawn; null when the step still had the portal's wording.</summary>
        public uint? Version { get; set; }
    }

    [BindProperty] public List<LevelInput> Levels { get; set; } = [];
    /// <summary>Set when someone saved the wording meanwhile: what is stored now, by level.</summary>
    public AppropriationScale? Stored { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Levels = await CurrentAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var valid = Enum.GetValues<AppropriationLevel>().Select(l => (int)l).ToList();
        if (Levels.Count != valid.Count || Levels.Select(l => l.Level).Order().SequenceEqual(valid) is false)
            return BadRequest();
        if (!ModelState.IsValid) return Page();

        var stored = await db.AppropriationLevelWordings.ToDictionaryAsync(w => (int)w.Level, ct);
        var shown = AppropriationScale.Default;
        var changes = new List<(AppropriationLevel Level, string Field, string? Before, string? After)>();
        var conflict = false;
        foreach (var input in Levels)
        {
            var level = (AppropriationLevel)input.Level;
            var name = input.Name!.Trim();
            var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
            if (!stored.TryGetValue(input.Level, out var row))
            {
                if (input.Version is not null) conflict = true;
                var wording = AppropriationLevelWording.Default(level);
                row = new AppropriationLevelWording { Level = level, Name = wording.Name, Description = wording.Description };
                if (name == row.Name && description == row.Description) continue;
                db.AppropriationLevelWordings.Add(row);
            }
            else if (input.Version is not uint version) conflict = true;
            else db.Entry(row).Property(w => w.Version).OriginalValue = version;
            if (row.Name != name) changes.Add((level, "Nom", row.Name, name));
            if (row.Description != description) changes.Add((level, "Explication", row.Description, description));
            row.Name = name;
            row.Description = description;
        }
        if (conflict) return await ConflictAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "23505" } })
        {
            await transaction.RollbackAsync(ct);
            return await ConflictAsync(ct);
        }
        foreach (var (level, field, before, after) in changes)
            await audit.RecordAsync(AuditActions.AppropriationWording, $"niveau {(int)level}",
                $"{field} : « {before ?? ""} » → « {after ?? ""} »");
        await transaction.CommitAsync(ct);
        TempData["Message"] = changes.Count == 0 ? "Aucune modification à enregistrer." : "Niveaux d'appropriation enregistrés.";
        return Redirect("/admin/listes/niveaux");
    }

    /// <summary>Nothing written: the form keeps what was typed, shows what is stored now, and carries its versions.</summary>
    private async Task<PageResult> ConflictAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Stored = await AppropriationScale.LoadAsync(db, ct);
        var current = await CurrentAsync(ct);
        foreach (var input in Levels)
            input.Version = current.First(c => c.Level == input.Level).Version;
        ModelState.Clear();
        return Page();
    }

    private async Task<List<LevelInput>> CurrentAsync(CancellationToken ct)
    {
        var stored = await db.AppropriationLevelWordings.AsNoTracking().ToDictionaryAsync(w => w.Level, ct);
        return Enum.GetValues<AppropriationLevel>().Select(l => stored.TryGetValue(l, out var w)
                ? new LevelInput { Level = (int)l, Name = w.Name, Description = w.Description, Version = w.Version }
                : new LevelInput { Level = (int)l, Name = AppropriationLevelWording.Default(l).Name, Description = AppropriationLevelWording.Default(l).Description })
            .ToList();
    }
}
