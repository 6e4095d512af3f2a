using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Observatoire.Web.Pages.Observations;

/// <summary>What the observation form posts (creation and edit). Never an entity.</summary>
public class ObservationInput
{
    [Required(ErrorMessage = "Donnez un titre court à l'observation.")]
    [StringLength(200, ErrorMessage = "Le titre fait au plus 200 caractères.")]
    [Display(Name = "Titre")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Indiquez la date de l'observation.")]
    [Display(Name = "Date")]
    public DateOnly? ObservedOn { get; set; }

    [Required(ErrorMessage = "Choisissez la structure.")]
    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Required(ErrorMessage = "Choisissez le territoire.")]
    [Display(Name = "Territoire")]
    public int? TerritoryId { get; set; }

    public List<int> ToolIds { get; set; } = [];

    [StringLength(300, ErrorMessage = "Au plus 300 caractères.")]
    [Display(Name = "Un outil qui n'est pas dans la liste")]
    public string? NewTools { get; set; }

    public List<int> ThemeIds { get; set; } = [];
    public List<int> AudienceIds { get; set; } = [];

    [Required(ErrorMessage = "Indiquez le nombre de participants.")]
    [Range(1, 10000, ErrorMessage = "Le nombre de participants est compris entre 1 et 10 000.")]
    [Display(Name = "Nombre de participants")]
    public int? ParticipantsCount { get; set; }

    [Required(ErrorMessage = "Choisissez le niveau d'appropriation.")]
    [Display(Name = "Niveau d'appropriation")]
    public AppropriationLevel? AppropriationLevel { get; set; }

    [StringLength(20000, ErrorMessage = "La description fait au plus 20 000 caractères.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [StringLength(8000, ErrorMessage = "Au plus 8 000 caractères.")]
    [Display(Name = "Ce qui a bien fonctionné")]
    public string? WhatWorked { get; set; }

    [StringLength(8000, ErrorMessage = "Au plus 8 000 caractères.")]
    [Display(Name = "Difficultés rencontrées")]
    public string? Difficulties { get; set; }

    /// <summary>The xmin of the observation when the form was shown (edit only).</summary>
    public uint Version { get; set; }

    public static ObservationInput From(Observation o) => new()
    {
        Title = o.Title, ObservedOn = o.ObservedOn, StructureId = o.StructureId, TerritoryId = o.TerritoryId,
        ToolIds = o.Tools.Select(t => t.Id).ToList(), ThemeIds = o.Themes.Select(t => t.Id).ToList(),
        AudienceIds = o.Audiences.Select(a => a.Id).ToList(), ParticipantsCount = o.ParticipantsCount,
        AppropriationLevel = o.AppropriationLevel, Description = o.Description, WhatWorked = o.WhatWorked,
        Difficulties = o.Difficulties, Version = o.Version,
    };

    /// <summary>Tools typed by hand: names of 2 to 120 characters (the tool's own column), ten at most.</summary>
    public static readonly TypedList ToolNames = new(2, 120, 10, "un nom d'outil", "outils");

    /// <summary>Names typed in "a tool not listed yet", separated by commas or semicolons (bounds checked by <see cref="ToolNames"/>).</summary>
    public IReadOnlyList<string> NewToolNames() => TypedList.Split(NewTools);
}

/// <param name="Category">The tool's category as people read it (« Catégorie non précisée » without one).</param>
public record ToolChoice(int Id, string Name, string Category, bool Pending);

/// <summary>The lists the form offers, and the rules that need the database.</summary>
public class ObservationForm
{
    public List<Choice> Structures { get; init; } = [];
    public List<Choice> Territories { get; init; } = [];
    public List<ToolChoice> Tools { get; init; } = [];
    public List<Choice> Themes { get; init; } = [];
    public List<Choice> Audiences { get; init; } = [];

    public AppropriationScale Scale { get; init; } = AppropriationScale.Default;

    /// <param name="current">
    /// The observation being edited, or null for a new one: its structure stays selectable even if the editor is not a
    /// member of it, and its retired territory, themes and audiences stay offered, marked « (retiré) ».
    /// </param>
    public static async Task<ObservationForm> LoadAsync(ObservatoireDbContext db, ObservationAccess access,
        ObservationInput input, Observation? current, CancellationToken ct)
    {
        var allowed = AllowedStructures(db, access, current?.StructureId);
        var selectedTools = input.ToolIds;
        return new ObservationForm
        {
            Structures = await allowed.OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct),
            Territories = await ReferenceChoices.TerritoriesAsync(db, [current?.TerritoryId], ct),
            // Pending tools stay hidden from the list until Coordination accepts them, except those already chosen. Grouped
            // by category in the administrators' order, tools without one last.
            Tools = (await db.DigitalTools.AsNoTracking()
                    .Where(t => t.Status == ToolStatus.Listed || selectedTools.Contains(t.Id))
                    .OrderBy(t => t.Category == null).ThenBy(t => t.Category!.SortOrder).ThenBy(t => t.Category!.Name)
                    .ThenBy(t => t.CategoryId).ThenBy(t => t.Name)
                    .Select(t => new { t.Id, t.Name, Category = t.Category!.Name, t.Category!.RetiredAt, Pending = t.Status == ToolStatus.Pending })
                    .ToListAsync(ct))
                .Select(t => new ToolChoice(t.Id, t.Name,
                    t.Category is null ? ReferenceValues.NoCategory : ReferenceValues.Of(t.Category, t.RetiredAt), t.Pending))
                .ToList(),
            Themes = await ReferenceChoices.OfferedAsync(db.Themes, current?.Themes.Select(t => t.Id) ?? [], ct),
            Audiences = await ReferenceChoices.OfferedAsync(db.Audiences, current?.Audiences.Select(a => a.Id) ?? [], ct),
            Scale = await AppropriationScale.LoadAsync(db, ct),
        };
    }

    /// <summary>
    /// Coordination logs for any structure. A contributor logs for their own structures (any structure if they have
    /// none yet, so that an account not yet attached can still work).
    /// </summary>
    public static IQueryable<Structure> AllowedStructures(ObservatoireDbContext db, ObservationAccess access, int? currentStructureId)
    {
        var query = db.Structures.AsNoTracking();
        if (access.IsCoordination || access.StructureIds.Length == 0) return query;
        var ids = access.StructureIds;
        return query.Where(s => ids.Contains(s.Id) || s.Id == currentStructureId);
    }

    /// <summary>Checks what attributes cannot: ids that exist and are allowed, a date not in the future, at least one tool and theme.</summary>
    public async Task ValidateAsync(ObservatoireDbContext db, ObservationInput input, ModelStateDictionary modelState,
        CancellationToken ct)
    {
        input.ToolIds = input.ToolIds.Distinct().ToList();
        var toolIds = input.ToolIds;
        var toolsExist = await db.DigitalTools.CountAsync(x => toolIds.Contains(x.Id), ct) == toolIds.Count;
        foreach (var (key, message) in Check(input, toolsExist, ParisTime.Today(DateTime.UtcNow)))
            modelState.AddModelError(key, message);
        if (modelState["Input.NewTools"] is not { Errors.Count: > 0 })
            await ConfirmKnownToolsAsync(db, input, modelState, ct);
    }

    /// <summary>
    /// The rules of <see cref="ValidateAsync"/> once the tools are known to exist: the spreadsheet import checks each line
    /// with them against lists loaded once, so an imported observation obeys exactly the form.
    /// </summary>
    public IEnumerable<(string Key, string Message)> Check(ObservationInput input, bool toolsExist, DateOnly today)
    {
        if (input.StructureId is int s && !Ids(ref _structureIds, Structures).Contains(s))
            yield return ("Input.StructureId", "Choisissez une de vos structures dans la liste.");
        if (input.TerritoryId is int t && !Ids(ref _territoryIds, Territories).Contains(t))
            yield return ("Input.TerritoryId", "Choisissez un territoire de la liste.");
        if (input.ObservedOn is { } date && date > today)
            yield return ("Input.ObservedOn", "La date ne peut pas être dans le futur.");
        if (input.ObservedOn is { } old && old < new DateOnly(2000, 1, 1))
            yield return ("Input.ObservedOn", "La date doit être postérieure au 1er janvier 2000.");
        input.ToolIds = input.ToolIds.Distinct().ToList();
        input.ThemeIds = input.ThemeIds.Distinct().ToList();
        input.AudienceIds = input.AudienceIds.Distinct().ToList();
        if (!toolsExist)
            yield return ("Input.ToolIds", "Un des outils choisis n'existe plus : cochez-les à nouveau.");
        if (ObservationInput.ToolNames.Problem(input.NewTools) is { } namesProblem)
            yield return ("Input.NewTools", namesProblem);
        if (input.ToolIds.Count == 0 && input.NewToolNames().Count == 0)
            yield return ("Input.ToolIds", "Cochez au moins un outil, ou écrivez son nom s'il n'est pas dans la liste.");
        if (input.ThemeIds.Count == 0)
            yield return ("Input.ThemeIds", "Cochez au moins un thème.");
        var themes = Ids(ref _themeIds, Themes);
        if (input.ThemeIds.Any(id => !themes.Contains(id)))
            yield return ("Input.ThemeIds", "Un des thèmes choisis n'est plus proposé : cochez-en un de la liste.");
        var audiences = Ids(ref _audienceIds, Audiences);
        if (input.AudienceIds.Any(id => !audiences.Contains(id)))
            yield return ("Input.AudienceIds", "Un des publics choisis n'est plus proposé : cochez-en un de la liste.");
    }

    // Sets built on first use: an import checks thousands of lines against the same lists.
    private HashSet<int>? _structureIds, _territoryIds, _themeIds, _audienceIds;

    private static HashSet<int> Ids(ref HashSet<int>? cache, List<Choice> choices) => cache ??= choices.Select(c => c.Id).ToHashSet();

    /// <summary>
    /// A typed name that is already a tool (same slug, or same name whatever the case) is not attached silently: the
    /// form comes back with that tool ticked, the name taken out of the field and a message naming the match, and the
    /// next save confirms it.
    /// </summary>
    private async Task ConfirmKnownToolsAsync(ObservatoireDbContext db, ObservationInput input, ModelStateDictionary modelState,
        CancellationToken ct)
    {
        var names = input.NewToolNames();
        if (names.Count == 0) return;
        var slugs = names.Select(n => Slug.From(n)).ToList();
        var lowered = names.Select(n => n.ToLower()).ToList();
        var known = await db.DigitalTools.AsNoTracking()
            .Where(t => slugs.Contains(t.Slug) || lowered.Contains(t.Name.ToLower()))
            .Select(t => new { t.Id, t.Name, t.Slug, Category = t.Category!.Name, Pending = t.Status == ToolStatus.Pending })
            .ToListAsync(ct);
        if (known.Count == 0) return;
        var matches = names
            .Select(n => (Name: n, Tool: known.FirstOrDefault(t => t.Slug == Slug.From(n) || string.Equals(t.Name, n, StringComparison.OrdinalIgnoreCase))))
            .Where(m => m.Tool is not null).ToList();
        foreach (var (name, tool) in matches)
        {
            if (!input.ToolIds.Contains(tool!.Id)) input.ToolIds.Add(tool.Id);
            if (Tools.All(t => t.Id != tool.Id))
                Tools.Add(new ToolChoice(tool.Id, tool.Name, tool.Category ?? ReferenceValues.NoCategory, tool.Pending));
        }
        input.NewTools = string.Join(", ", names.Where(n => matches.All(m => m.Name != n)));
        modelState.SetModelValue("Input.NewTools", input.NewTools, input.NewTools);
        modelState.AddModelError("Input.NewTools", string.Join(" ", matches.Select(m =>
            $"« {m.Name} » est déjà connu sous le nom « {m.Tool!.Name} » : nous l'avons coché dans la liste et retiré de ce champ.")) +
            " Enregistrez à nouveau pour confirmer, ou décochez-le s'il s'agit d'un autre outil.");
    }

    /// <summary>Copies the input onto a tracked observation, creating the tools typed by hand as pending.</summary>
    public static async Task ApplyAsync(ObservatoireDbContext db, Observation o, ObservationInput input, CancellationToken ct)
    {
        o.Title = input.Title!.Trim();
        o.ObservedOn = input.ObservedOn!.Value;
        o.StructureId = input.StructureId!.Value;
        o.TerritoryId = input.TerritoryId!.Value;
        o.ParticipantsCount = input.ParticipantsCount!.Value;
        o.AppropriationLevel = input.AppropriationLevel!.Value;
        o.Description = input.Description?.Trim() ?? "";
        o.WhatWorked = string.IsNullOrWhiteSpace(input.WhatWorked) ? null : input.WhatWorked.Trim();
        o.Difficulties = string.IsNullOrWhiteSpace(input.Difficulties) ? null : input.Difficulties.Trim();
        o.UpdatedAt = DateTime.UtcNow;

        var tools = await db.DigitalTools.Where(t => input.ToolIds.Contains(t.Id)).ToListAsync(ct);
        foreach (var name in input.NewToolNames())
        {
            var slug = Slug.From(name);
            var existing = await db.DigitalTools.FirstOrDefaultAsync(t => t.Slug == slug || t.Name.ToLower() == name.ToLower(), ct);
            if (existing is null)
            {
                // Category and licence stay unknown until Coordination checks the tool.
                existing = new DigitalTool { Name = name, Slug = slug, Status = ToolStatus.Pending };
                db.DigitalTools.Add(existing);
                await ObservationNotices.ToolProposedAsync(db, name, ct);
            }
            if (tools.All(t => t != existing)) tools.Add(existing);
        }
        o.Tools.RemoveAll(t => !tools.Contains(t));
        o.Tools.AddRange(tools.Where(t => !o.Tools.Contains(t)));
        var themes = await db.Themes.Where(t => input.ThemeIds.Contains(t.Id)).ToListAsync(ct);
        o.Themes.RemoveAll(t => !themes.Contains(t));
        o.Themes.AddRange(themes.Where(t => !o.Themes.Contains(t)));
        var audiences = await db.Audiences.Where(a => input.AudienceIds.Contains(a.Id)).ToListAsync(ct);
        o.Audiences.RemoveAll(a => !audiences.Contains(a));
        o.Audiences.AddRange(audiences.Where(a => !o.Audiences.Contains(a)));
    }

    /// <summary>The observation's fields as people read them, to compare before and after an edit.</summary>
    public static async Task<Dictionary<string, string>> SnapshotAsync(ObservatoireDbContext db, Observation o, CancellationToken ct)
    {
        var structure = await db.Structures.Where(s => s.Id == o.StructureId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var territory = await db.Territories.Where(t => t.Id == o.TerritoryId)
            .Select(t => Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name)).FirstOrDefaultAsync(ct);
        var scale = await AppropriationScale.LoadAsync(db, ct);
        return new Dictionary<string, string>
        {
            ["Titre"] = o.Title,
            ["Date"] = ParisTime.Date(o.ObservedOn),
            ["Structure"] = structure ?? "",
            ["Territoire"] = territory ?? "",
            ["Outils"] = string.Join(", ", o.Tools.Select(t => t.Name).Order(French.Order)),
            ["Thèmes"] = string.Join(", ", o.Themes.Select(t => t.Name).Order(French.Order)),
            ["Publics"] = string.Join(", ", o.Audiences.Select(a => a.Name).Order(French.Order)),
            ["Participants"] = o.ParticipantsCount.ToString(CultureInfo.InvariantCulture),
            ["Niveau d'appropriation"] = scale.Label(o.AppropriationLevel),
            ["Description"] = o.Description,
            ["Ce qui a bien fonctionné"] = o.WhatWorked ?? "",
            ["Difficultés"] = o.Difficulties ?? "",
            ["Statut"] = o.Status.Label(),
        };
    }

    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value)
            .Select(a => new FieldChange { Field = a.Key, Before = before.GetValueOrDefault(a.Key), After = a.Value })
            .ToList();

    /// <summary>
    /// Each observation of <paramref name="observations"/>, which named a merged duplicate, says in its own history what
    /// it names now (directory and reference-list merges alike). <paramref name="feminine"/> agrees « fusionné(e) ».
    /// </summary>
    public static async Task RecordMergeAsync(ObservatoireDbContext db, IQueryable<Observation> observations, string field,
        string? userId, string userName, string duplicate, string kept, string feminine, CancellationToken ct)
    {
        foreach (var o in await observations.ToListAsync(ct))
            db.ObservationChanges.Add(Change(o, userId, userName, ObservationChangeKind.Merged,
                [new FieldChange { Field = field, Before = duplicate, After = kept }], $"« {duplicate} » fusionné{feminine} dans « {kept} »."));
    }

    public static ObservationChange Change(Observation o, string? userId, string userName, ObservationChangeKind kind,
        List<FieldChange>? changes = null, string? comment = null) => new()
    {
        Observation = o, At = DateTime.UtcNow, UserId = userId, UserName = userName, Kind = kind,
        Changes = changes ?? [], Comment = comment,
    };
}
