namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// The lists administered at /admin/listes. Adding a list is one entry of <see cref="All"/>: its route, its words, its
/// entity (any <see cref="IReferenceValue"/> with an xmin <c>Version</c>), and, when it has them, a parent (territories)
/// or one yes/no field (a licence « compte comme libre »).
/// </summary>
public static class ReferenceLists
{
    public static readonly IReadOnlyList<ReferenceList> All =
    [
        new ReferenceList<Theme>
        {
            Route = "themes", Title = "Thèmes", One = "thème", Several = "thèmes", OpenToCoordination = true,
            Intro = "Les grands domaines des usages observés. Chaque observation en cite au moins un ; le tableau de bord et les synthèses comptent par thème.",
            Create = (name, slug) => new Theme { Name = name, Slug = slug },
            PublicUrl = slug => $"/observations?theme={slug}",
            OnObservations = id => o => o.Themes.Any(t => t.Id == id), ObservationField = "Thèmes",
        },
        new ReferenceList<Audience>
        {
            Route = "publics", Title = "Publics", One = "public", Several = "publics", OpenToCoordination = true,
            Intro = "Les personnes accompagnées lors des usages observés : demandeurs d'emploi, jeunes, habitants…",
            Create = (name, slug) => new Audience { Name = name, Slug = slug },
            PublicUrl = slug => $"/observations?public={slug}",
            OnObservations = id => o => o.Audiences.Any(a => a.Id == id), ObservationField = "Publics",
        },
        new ReferenceList<Territory>
        {
            Route = "territoires", Title = "Territoires", One = "territoire", Several = "territoires", OpenToCoordination = true,
            Intro = "Les communes et leurs quartiers. Une observation a lieu dans une commune ou un quartier ; une commune compte avec ses quartiers.",
            DescriptionLength = 4000,
            Create = (name, slug) => new Territory { Name = name, Slug = slug },
            Hierarchy = new Hierarchy<Territory>("Commune", "commune", "quartier", "quartiers", t => t.ParentId, (t, parent) =>
            {
                t.ParentId = parent;
                t.Kind = parent is null ? TerritoryKind.Municipality : TerritoryKind.Neighbourhood;
            }),
            PublicUrl = slug => $"/annuaire/territoires/{slug}",
            OnObservations = id => o => o.TerritoryId == id, ObservationField = "Territoire",
            History = DirectoryRecordKind.Territory,
        },
        new ReferenceList<StructureKind>
        {
            Route = "types-de-structure", Title = "Types de structure", One = "type de structure", Several = "types de structure", OpenToCoordination = true,
            Intro = "Les sortes de structures de l'annuaire : association, centre social, collectivité… Le tableau de bord compte les usages par type.",
            Create = (name, slug) => new StructureKind { Name = name, Slug = slug },
            PublicUrl = slug => $"/annuaire/structures?type={slug}",
        },
        new ReferenceList<ToolCategory>
        {
            Route = "categories-d-outils", Title = "Catégories d'outils", One = "catégorie d'outils", Several = "catégories d'outils", OpenToCoordination = true,
            Intro = "Les familles d'outils numériques : travail collaboratif, démarches en ligne, recherche d'emploi… Les formulaires d'observation regroupent les outils par catégorie.",
            Create = (name, slug) => new ToolCategory { Name = name, Slug = slug },
        },
        new ReferenceList<Licence>
        {
            Route = "licences", Title = "Licences", One = "licence", Several = "licences",
            Intro = "Les licences des outils de l'annuaire. « Part des outils libres » compte les mentions d'outils dont la licence compte comme libre.",
            Create = (name, slug) => new Licence { Name = name, Slug = slug },
            Extra = new Flag<Licence>("Compte comme libre",
                "Cochée, les outils sous cette licence comptent dans « Part des outils libres » du tableau de bord et des synthèses.",
                l => l.IsFree, (l, free) => l.IsFree = free),
        },
    ];

    public static ReferenceList? Find(string route) => All.FirstOrDefault(l => l.Route == route);

    /// <summary>Parents (or the values of a flat list) by order then name, each followed by its children.</summary>
    public static List<ListValue> Ordered(IEnumerable<ListValue> values)
    {
        var all = values.ToList();
        IEnumerable<ListValue> Sorted(IEnumerable<ListValue> vs) => vs.OrderBy(v => v.SortOrder).ThenBy(v => v.Name, French.Order);
        var ids = all.Select(v => v.Id).ToHashSet();
        return Sorted(all.Where(v => v.ParentId is null || !ids.Contains(v.ParentId.Value)))
            .SelectMany(p => new[] { p }.Concat(Sorted(all.Where(c => c.ParentId == p.Id))))
            .ToList();
    }

    /// <summary>Slugs a value may not take: the words of the lists' own routes and of the directory's.</summary>
    public static readonly string[] ReservedSlugs = ["nouveau", "nouvelle", "modifier", "fusionner", "historique", "niveaux"];
}

/// <summary>What a list's page shows of one value.</summary>
public sealed record ListValue(int Id, string Name, string Slug, string? Description, int SortOrder, DateTime? RetiredAt,
    int? ParentId, bool Extra, uint Version)
{
    public bool Retired => RetiredAt is not null;
}

/// <summary>A list's yes/no field: its label, its hint and where it lives on the entity.</summary>
public sealed record Flag<T>(string Label, string Hint, Func<T, bool> Get, Action<T, bool> Set);

/// <summary>A list whose values may sit under another value of the same list (a quartier under its commune).</summary>
public sealed record Hierarchy<T>(string ParentLabel, string ParentOne, string ChildOne, string ChildSeveral,
    Func<T, int?> ParentOf, Action<T, int?> SetParent);

/// <summary>One administered list, as the generic pages see it.</summary>
public abstract class ReferenceList
{
    /// <summary>The list's segment in /admin/listes/{route}.</summary>
    public required string Route { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    /// <summary>« thème » and « thèmes », for sentences.</summary>
    public required string One { get; init; }
    public required string Several { get; init; }
    public int NameLength { get; init; } = 120;
    public int DescriptionLength { get; init; } = 2000;
    /// <summary>
    /// Coordination may add, rename, describe, reorder, retire and restore its values; merging two values and changing
    /// a slug stay the administrator's in every list.
    /// </summary>
    public bool OpenToCoordination { get; init; }
    /// <summary>Where the portal shows a value (its directory page, or the observations that cite it).</summary>
    public Func<string, string>? PublicUrl { get; init; }
    /// <summary>The observations a value is linked to, so that each says in its history what a merge changed.</summary>
    public Func<int, System.Linq.Expressions.Expression<Func<Observation, bool>>>? OnObservations { get; init; }
    /// <summary>The field of an observation's history a merge changes (« Thèmes »).</summary>
    public string? ObservationField { get; init; }
    /// <summary>The directory history kept for the value (territories), told of every change made here.</summary>
    public DirectoryRecordKind? History { get; init; }

    public abstract Type Type { get; }
    /// <summary>The name of the extra yes/no field, or null.</summary>
    public abstract string? ExtraLabel { get; }
    public abstract string? ExtraHint { get; }
    /// <summary>The words of the parent, or null for a flat list.</summary>
    public abstract (string Label, string One, string ChildOne, string ChildSeveral)? Parent { get; }

    public bool MayEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Administrateur) || OpenToCoordination && user.IsCoordination();

    public abstract Task<List<ListValue>> ValuesAsync(ObservatoireDbContext db, CancellationToken ct);
    /// <summary>The value with this slug, tracked, or null.</summary>
    public abstract Task<IReferenceValue?> FindAsync(ObservatoireDbContext db, string slug, CancellationToken ct);
    public abstract Task<bool> SlugTakenAsync(ObservatoireDbContext db, string slug, CancellationToken ct);
    /// <summary>Adds a new value to the context (not saved).</summary>
    public abstract IReferenceValue Add(ObservatoireDbContext db, string name, string slug);
    public abstract bool GetExtra(IReferenceValue value);
    public abstract void SetExtra(IReferenceValue value, bool on);
    public abstract int? ParentOf(IReferenceValue value);
    public abstract void SetParent(IReferenceValue value, int? parent);

    /// <summary>Sets the version the form was drawn from: saving over a newer one raises a concurrency conflict.</summary>
    public static void Expect(ObservatoireDbContext db, IReferenceValue value, uint version) =>
        db.Entry(value).Property<uint>("Version").OriginalValue = version;

    /// <summary>A free slug made from <paramref name="name"/>: not used by a value, an old address of one, or a route.</summary>
    public Task<string> NewSlugAsync(ObservatoireDbContext db, string name, CancellationToken ct) =>
        Slug.UniqueAsync(name, s => SlugTakenAsync(db, s, ct), 140);
}

public sealed class ReferenceList<T> : ReferenceList where T : class, IReferenceValue
{
    public required Func<string, string, T> Create { get; init; }
    public Flag<T>? Extra { get; init; }
    public Hierarchy<T>? Hierarchy { get; init; }

    public override Type Type => typeof(T);
    public override string? ExtraLabel => Extra?.Label;
    public override string? ExtraHint => Extra?.Hint;
    public override (string Label, string One, string ChildOne, string ChildSeveral)? Parent =>
        Hierarchy is { } h ? (h.ParentLabel, h.ParentOne, h.ChildOne, h.ChildSeveral) : null;

    public override async Task<List<ListValue>> ValuesAsync(ObservatoireDbContext db, CancellationToken ct) =>
        (await db.Set<T>().AsNoTracking().Select(x => new { Value = x, Version = EF.Property<uint>(x, "Version") }).ToListAsync(ct))
        .Select(x => new ListValue(x.Value.Id, x.Value.Name, x.Value.Slug, x.Value.Description, x.Value.SortOrder, x.Value.RetiredAt,
            Hierarchy?.ParentOf(x.Value), Extra?.Get(x.Value) ?? false, x.Version))
        .ToList();

    public override async Task<IReferenceValue?> FindAsync(ObservatoireDbContext db, string slug, CancellationToken ct) =>
        await db.Set<T>().FirstOrDefaultAsync(x => x.Slug == slug, ct);

    public override async Task<bool> SlugTakenAsync(ObservatoireDbContext db, string slug, CancellationToken ct) =>
        ReferenceLists.ReservedSlugs.Contains(slug)
        || await db.Set<T>().AnyAsync(x => x.Slug == slug, ct)
        || await db.SlugAliases.AnyAsync(a => a.Entity == typeof(T).Name && a.Slug == slug, ct);

    public override IReferenceValue Add(ObservatoireDbContext db, string name, string slug) => db.Add(Create(name, slug)).Entity;

    public override bool GetExtra(IReferenceValue value) => Extra is { } e && e.Get((T)value);
    public override void SetExtra(IReferenceValue value, bool on) => Extra?.Set((T)value, on);
    public override int? ParentOf(IReferenceValue value) => Hierarchy?.ParentOf((T)value);
    public override void SetParent(IReferenceValue value, int? parent) => Hierarchy?.SetParent((T)value, parent);
}
