namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// Renames and describes a list value (and moves a quartier to another commune). The slug stays unless an administrator
/// changes it; the old one then leads to the value (/annuaire/territoires/…, ?theme=… filters), and the syntheses that
/// name it follow. A save over a newer version shows the conflict and writes nothing.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class EditModel(ObservatoireDbContext db, Audit audit, RecordMerger merger) : PageModel
{
    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez le nom.")]
        [StringLength(120, ErrorMessage = "Au plus 120 caractères.")]
        public string? Name { get; set; }

        [StringLength(140, ErrorMessage = "Au plus 140 caractères.")]
        public string? Slug { get; set; }

        [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
        public string? Description { get; set; }

        public int? ParentId { get; set; }
        public bool Extra { get; set; }

        /// <summary>A territory's cell on the schematic map (row, column); empty: laid out by name.</summary>
        [Range(1, Territory.GridMax, ErrorMessage = "Une ligne de 1 à 30.")]
        public int? GridRow { get; set; }

        [Range(1, Territory.GridMax, ErrorMessage = "Une colonne de 1 à 30.")]
        public int? GridColumn { get; set; }

        public uint Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public ReferenceList List { get; private set; } = null!;
    public ListValue Value { get; private set; } = null!;
    public bool IsAdministrator { get; private set; }
    public bool HasChildren { get; private set; }
    public IReadOnlyList<ListValue> Parents { get; private set; } = [];
    /// <summary>Set when someone saved the value meanwhile: what is stored now.</summary>
    public ListValue? Stored { get; private set; }
    private List<ListValue> _values = [];

    public async Task<IActionResult> OnGetAsync(string list, string slug, CancellationToken ct)
    {
        if (await LoadAsync(list, slug, ct) is { } refused) return refused;
        Input = new InputModel
        {
            Name = Value.Name, Slug = Value.Slug, Description = Value.Description, ParentId = Value.ParentId, Extra = Value.Extra,
            Version = Value.Version,
        };
        if (IsTerritory && await List.FindAsync(db, slug, ct) is Territory t)
            (Input.GridRow, Input.GridColumn) = (t.GridRow, t.GridColumn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string list, string slug, CancellationToken ct)
    {
        if (await LoadAsync(list, slug, ct) is { } refused) return refused;
        var name = Input.Name?.Trim();
        var newSlug = string.IsNullOrWhiteSpace(Input.Slug) ? Value.Slug : Input.Slug.Trim();
        // Changing an address is the administrator's: the field is not shown to others, and not taken from them.
        if (newSlug != Value.Slug && !IsAdministrator) return Forbid();
        if (name is { Length: > 0 } && name.Length > List.NameLength)
            ModelState.AddModelError("Input.Name", $"Au plus {List.NameLength} caractères.");
        if (Input.Description is { } d && d.Trim().Length > List.DescriptionLength)
            ModelState.AddModelError("Input.Description", $"Au plus {List.DescriptionLength.ToString("N0", French.Culture)} caractères.");
        if (newSlug != Value.Slug)
            await CheckSlugAsync(newSlug, ct);
        if (List.Parent is not null && Input.ParentId != Value.ParentId)
        {
            if (Input.ParentId is int p && Parents.All(v => v.Id != p))
                ModelState.AddModelError("Input.ParentId", $"Choisissez une {List.Parent.Value.One} en usage dans la liste.");
            else if (Input.ParentId is not null && HasChildren)
                ModelState.AddModelError("Input.ParentId", $"« {Value.Name} » a des {List.Parent.Value.ChildSeveral} : elle reste une {List.Parent.Value.One}.");
        }
        var siblings = _values.Where(v => v.ParentId == Input.ParentId && v.Id != Value.Id).ToList();
        if (name is not null && siblings.Any(v => string.Equals(v.Name, name, StringComparison.CurrentCultureIgnoreCase)))
            ModelState.AddModelError("Input.Name", $"« {name} » est déjà dans la liste : pour réunir les deux, fusionnez-les.");
        if (IsTerritory && (Input.GridRow is null) != (Input.GridColumn is null))
            ModelState.AddModelError("Input.GridRow", "Indiquez la ligne et la colonne, ou laissez les deux vides.");
        if (!ModelState.IsValid) return Page();

        var parents = _values.Where(v => v.ParentId is null).ToDictionary(v => v.Id, v => v.Name);
        var value = (await List.FindAsync(db, Value.Slug, ct))!;
        ReferenceList.Expect(db, value, Input.Version);
        var changes = new List<ListChanges.Change>();
        void Change(string action, string field, string? before, string? after)
        {
            if (before != after) changes.Add(new(action, field, before, after));
        }
        Change(AuditActions.ListValueRenamed, "Nom", value.Name, name);
        Change(AuditActions.ListValueDescribed, "Description", value.Description, Clean(Input.Description));
        Change(AuditActions.ListValueEdited, "Adresse", value.Slug, newSlug);
        if (List.Parent is { } hierarchy)
            Change(AuditActions.ListValueEdited, hierarchy.Label, parents.GetValueOrDefault(List.ParentOf(value) ?? 0),
                parents.GetValueOrDefault(Input.ParentId ?? 0));
        if (List.ExtraLabel is { } extra)
            Change(AuditActions.ListValueEdited, extra, List.GetExtra(value) ? "oui" : "non", Input.Extra ? "oui" : "non");

        value.Name = name!;
        value.Description = Clean(Input.Description);
        value.Slug = newSlug;
        if (List.ParentOf(value) != Input.ParentId)
        {
            List.SetParent(value, Input.ParentId);
            value.SortOrder = siblings.Select(v => v.SortOrder).DefaultIfEmpty(0).Max() + 1;
        }
        List.SetExtra(value, Input.Extra);
        if (value is Territory territory)
        {
            Change(AuditActions.ListValueEdited, "Position sur la grille", Position(territory.GridRow, territory.GridColumn), Position(Input.GridRow, Input.GridColumn));
            (territory.GridRow, territory.GridColumn) = (Input.GridRow, Input.GridColumn);
        }

        await using var transaction = await db.SaveInTransactionAsync(ct);
        if (transaction is null)
        {
            Stored = (await List.ValuesAsync(db, ct)).FirstOrDefault(v => v.Id == Value.Id);
            if (Stored is null) return NotFound();
            Input.Version = Stored.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        if (newSlug != Value.Slug)
            await merger.FollowSlugChangeAsync(List.Type, value.Id, Value.Slug, newSlug, ct);
        await new ListChanges(db, audit).RecordAsync(List, User, value.Id, value.Name, DirectoryChangeKind.Edited, changes, ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = changes.Count == 0 ? "Aucune modification à enregistrer." : $"« {value.Name} » enregistré.";
        return Redirect($"/admin/listes/{List.Route}#valeur-{value.Slug}");
    }

    /// <summary>A new address must be a slug, free in the list, and not already lead to another value.</summary>
    private async Task CheckSlugAsync(string slug, CancellationToken ct)
    {
        if (slug != Slug.From(slug, 140))
        {
            ModelState.AddModelError("Input.Slug", $"Une adresse s'écrit en minuscules sans accent, les mots séparés par des tirets : « {Slug.From(slug, 140)} », par exemple.");
            return;
        }
        var entity = List.Type.Name;
        var alias = await db.SlugAliases.Where(a => a.Entity == entity && a.Slug == slug).Select(a => (int?)a.TargetId).FirstOrDefaultAsync(ct);
        // Taking back an old address of this very value is fine: the alias goes.
        if (alias != Value.Id && await List.SlugTakenAsync(db, slug, ct))
            ModelState.AddModelError("Input.Slug", "Cette adresse est déjà prise, ou mène déjà à une autre valeur : choisissez-en une autre.");
    }

    private async Task<IActionResult?> LoadAsync(string route, string slug, CancellationToken ct)
    {
        if (ReferenceLists.Find(route) is not { } list) return NotFound();
        List = list;
        _values = await list.ValuesAsync(db, ct);
        var values = _values;
        if (values.FirstOrDefault(v => v.Slug == slug) is not { } value) return NotFound();
        if (!list.MayEdit(User)) return Forbid();
        Value = value;
        IsAdministrator = User.IsInRole(Roles.Administrateur);
        HasChildren = values.Any(v => v.ParentId == value.Id);
        Parents = list.Parent is null ? []
            : ReferenceLists.Ordered(values.Where(v => v.ParentId is null && v.Id != value.Id && (!v.Retired || v.Id == value.ParentId)));
        return null;
    }

    /// <summary>Territories also have a position on the quartiers map's schematic grid.</summary>
    public bool IsTerritory => List.Type == typeof(Territory);

    private static string? Position(int? row, int? column) => row is null || column is null ? null : $"ligne {row}, colonne {column}";

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
