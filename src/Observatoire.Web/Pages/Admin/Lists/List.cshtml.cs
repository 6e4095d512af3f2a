using Npgsql;

namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// One list's values in their order, each with its actions (move up or down, edit, retire or restore, merge), and a
/// form to add a value. Every action is a plain form: the page works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class ListModel(ObservatoireDbContext db, Audit audit, TimeProvider clock) : PageModel
{
    public class AddInput
    {
        [Required(ErrorMessage = "Indiquez le nom.")]
        [StringLength(120, ErrorMessage = "Au plus 120 caractères.")]
        public string? Name { get; set; }

        [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
        public string? Description { get; set; }

        public int? ParentId { get; set; }
        public bool Extra { get; set; }
    }

    [BindProperty] public AddInput Input { get; set; } = new();

    public ReferenceList List { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    public bool IsAdministrator { get; private set; }
    /// <summary>In display order: a parent, then its children.</summary>
    public IReadOnlyList<ListValue> Values { get; private set; } = [];
    public IReadOnlyDictionary<int, int> Uses { get; private set; } = new Dictionary<int, int>();
    /// <summary>The values a new one may be put under (communes in use).</summary>
    public IReadOnlyList<ListValue> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string list, CancellationToken ct) =>
        await LoadAsync(list, ct) ? await ShowAsync(ct) : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string list, CancellationToken ct)
    {
        if (!await LoadAsync(list, ct)) return NotFound();
        if (!MayEdit) return Forbid();
        var name = Input.Name?.Trim();
        if (name is { Length: > 0 } && name.Length > List.NameLength)
            ModelState.AddModelError("Input.Name", $"Au plus {List.NameLength} caractères.");
        if (Input.Description is { } d && d.Trim().Length > List.DescriptionLength)
            ModelState.AddModelError("Input.Description", $"Au plus {List.DescriptionLength.ToString("N0", French.Culture)} caractères.");
        if (List.Parent is not null && Input.ParentId is int p && Parents.All(v => v.Id != p))
            ModelState.AddModelError("Input.ParentId", $"Choisissez une {List.Parent.Value.One} de la liste.");
        if (name is not null && Values.Any(v => v.ParentId == Input.ParentId && string.Equals(v.Name, name, StringComparison.CurrentCultureIgnoreCase)))
            ModelState.AddModelError("Input.Name", $"« {name} » est déjà dans la liste.");
        if (!ModelState.IsValid) return await ShowAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var value = List.Add(db, name!, await List.NewSlugAsync(db, name!, ct));
        value.Description = Clean(Input.Description);
        List.SetParent(value, Input.ParentId);
        List.SetExtra(value, Input.Extra);
        value.SortOrder = Values.Where(v => v.ParentId == Input.ParentId).Select(v => v.SortOrder).DefaultIfEmpty(0).Max() + 1;
        await db.SaveChangesAsync(ct);
        var parent = Values.FirstOrDefault(v => v.Id == Input.ParentId)?.Name;
        await new ListChanges(db, audit).RecordAsync(List, User, value.Id, value.Name, DirectoryChangeKind.Created,
            [new(AuditActions.ListValueAdded, "Fiche créée", null, parent is null ? value.Name : $"{value.Name} ({parent})")], ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = $"« {value.Name} » ajouté à la liste des {List.Several}.";
        return Redirect($"/admin/listes/{List.Route}#valeur-{value.Slug}");
    }

    /// <summary>Moves a value one place up or down among its siblings (the quartiers of one commune, or the communes).</summary>
    public async Task<IActionResult> OnPostMoveAsync(string list, int id, string sens, uint version, CancellationToken ct)
    {
        if (!await LoadAsync(list, ct)) return NotFound();
        if (!MayEdit) return Forbid();
        var moved = Values.FirstOrDefault(v => v.Id == id);
        if (moved is null) return NotFound();
        if (moved.Version != version) return Stale(moved);
        var siblings = Values.Where(v => v.ParentId == moved.ParentId).ToList();
        var from = siblings.IndexOf(moved);
        var to = sens == "haut" ? from - 1 : sens == "bas" ? from + 1 : -1;
        if (to < 0 || to >= siblings.Count) return Redirect($"/admin/listes/{List.Route}#valeur-{moved.Slug}");
        (siblings[from], siblings[to]) = (siblings[to], siblings[from]);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Renumbered 1…n: values added before the lists had an order all share 0, and a swap of equals moves nothing.
        foreach (var (v, i) in siblings.Select((v, i) => (v, i + 1)).Where(x => x.v.SortOrder != x.Item2))
        {
            var entity = (await List.FindAsync(db, v.Slug, ct))!;
            ReferenceList.Expect(db, entity, v.Version);
            entity.SortOrder = i;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(moved);
        }
        var after = siblings.Select(v => v.Name).ToList();
        await new ListChanges(db, audit).RecordAsync(List, User, moved.Id, moved.Name, DirectoryChangeKind.Edited,
            [new(AuditActions.ListValueReordered, "Position", (from + 1).ToString(French.Culture), (to + 1).ToString(French.Culture))], ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = $"« {moved.Name} » est maintenant {(to + 1 == 1 ? "en tête" : $"en position {to + 1}")} ({string.Join(", ", after)}).";
        return Redirect($"/admin/listes/{List.Route}#valeur-{moved.Slug}");
    }

    public Task<IActionResult> OnPostRetireAsync(string list, int id, uint version, CancellationToken ct) => SetRetiredAsync(list, id, version, true, ct);

    public Task<IActionResult> OnPostRestoreAsync(string list, int id, uint version, CancellationToken ct) => SetRetiredAsync(list, id, version, false, ct);

    /// <summary>
    /// Retires a value (kept on past records and in past figures, no longer offered on new forms) or restores it. A
    /// commune retires with its quartiers still offered; a quartier comes back only under a commune in use.
    /// </summary>
    private async Task<IActionResult> SetRetiredAsync(string list, int id, uint version, bool retire, CancellationToken ct)
    {
        if (!await LoadAsync(list, ct)) return NotFound();
        if (!MayEdit) return Forbid();
        var value = Values.FirstOrDefault(v => v.Id == id);
        if (value is null) return NotFound();
        if (value.Version != version) return Stale(value);
        if (value.Retired == retire) return Redirect($"/admin/listes/{List.Route}#valeur-{value.Slug}");
        if (!retire && value.ParentId is int parentId && Values.First(v => v.Id == parentId).Retired)
        {
            TempData["Message"] = $"« {value.Name} » est un {List.Parent?.ChildOne} de « {Values.First(v => v.Id == parentId).Name} », retirée : rétablissez d'abord la {List.Parent?.One}.";
            return Redirect($"/admin/listes/{List.Route}#valeur-{value.Slug}");
        }
        var affected = retire ? Values.Where(v => v.Id == id || v.ParentId == id && !v.Retired).ToList() : [value];

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var v in affected)
        {
            var entity = (await List.FindAsync(db, v.Slug, ct))!;
            ReferenceList.Expect(db, entity, v.Version);
            entity.RetiredAt = retire ? now : null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(value);
        }
        var changes = new ListChanges(db, audit);
        foreach (var v in affected)
            await changes.RecordAsync(List, User, v.Id, v.Name, DirectoryChangeKind.Edited,
                [new(retire ? AuditActions.ListValueRetired : AuditActions.ListValueRestored, "État",
                    retire ? "en usage" : "retiré", retire ? "retiré" : "en usage")], ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = retire
            ? $"« {value.Name} » est retiré : il reste sur les fiches et dans les chiffres passés, mais n'est plus proposé."
              + (affected.Count > 1 ? $" Ses {affected.Count - 1} {List.Parent?.ChildSeveral} sont retirés avec lui." : "")
            : $"« {value.Name} » est de nouveau proposé.";
        return Redirect($"/admin/listes/{List.Route}#valeur-{value.Slug}");
    }

    /// <summary>Someone changed the value since the page was drawn: nothing is written, the page shows it as it is now.</summary>
    private RedirectResult Stale(ListValue value)
    {
        TempData["Message"] = $"« {value.Name} » a été modifié entre-temps par quelqu'un d'autre : rien n'a été changé. Relisez la liste à jour, puis recommencez.";
        return Redirect($"/admin/listes/{List.Route}#valeur-{value.Slug}");
    }

    private async Task<bool> LoadAsync(string route, CancellationToken ct)
    {
        if (ReferenceLists.Find(route) is not { } list) return false;
        List = list;
        MayEdit = list.MayEdit(User);
        IsAdministrator = User.IsInRole(Roles.Administrateur);
        Values = ReferenceLists.Ordered(await list.ValuesAsync(db, ct));
        Parents = list.Parent is null ? [] : Values.Where(v => v.ParentId is null && !v.Retired).ToList();
        return true;
    }

    /// <summary>The page itself, with how many records name each value: counted only when shown (posts redirect).</summary>
    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        Uses = await UsesAsync(List.Type, ct);
        return Page();
    }

    /// <summary>
    /// How many records name each value, through every foreign key of the model that points at the list (the same links a
    /// merge moves), a quartier's commune aside.
    /// </summary>
    private async Task<Dictionary<int, int>> UsesAsync(Type type, CancellationToken ct)
    {
        var uses = new Dictionary<int, int>();
        await db.Database.OpenConnectionAsync(ct);
        foreach (var link in RecordMerger.Links(db.Model, type).Where(l => l.SelfKeyColumn is null))
        {
            await using var command = new NpgsqlCommand(
                $"""SELECT "{link.Column}", count(*)::int FROM "{link.Table}" WHERE "{link.Column}" IS NOT NULL GROUP BY 1""",
                (NpgsqlConnection)db.Database.GetDbConnection());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                uses[reader.GetInt32(0)] = uses.GetValueOrDefault(reader.GetInt32(0)) + reader.GetInt32(1);
        }
        return uses;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
