namespace Observatoire.Web.Data;

/// <summary>
/// The reference lists a new observatory of Tours and Joué-lès-Tours starts from, loaded by the administrator with one
/// button on /admin/listes (and under the demo data): themes, audiences, communes and quartiers, the appropriation
/// scale's wording. Only lists: no structure, tool, person or observation. A list that already has values is left as it
/// is — never completed, never duplicated — and the outcome says so; loading twice changes nothing.
/// </summary>
/// <remarks>
/// Themes have no hierarchy: the usual sub-themes are named in each theme's description rather than made siblings of
/// their theme, which would split one practice between « Emploi » and « Recherche d'emploi » in the per-theme figures.
/// </remarks>
public static partial class StarterSet
{
    public sealed record Value(string Slug, string Name, string? Description);

    /// <summary>A commune (<see cref="Commune"/> null) or one of its quartiers.</summary>
    public sealed record Place(string Slug, string Name, string? Commune, string? Description);

    public static readonly Value[] Themes =
    [
        new("emploi", "Emploi",
            "Chercher un emploi ou une formation, valoriser ses compétences et dialoguer avec les acteurs de l'insertion : "
            + "CV et candidatures, espace France Travail, orientation, alternance, création d'activité."),
        new("education", "Éducation",
            "Suivre la scolarité de ses enfants, apprendre tout au long de la vie et développer ses compétences numériques : "
            + "vie scolaire en ligne, orientation scolaire, soutien, autoformation."),
        new("citoyennete", "Citoyenneté",
            "Accéder à ses droits, faire ses démarches et participer à la vie de son quartier et de sa commune : "
            + "démarches administratives, santé, vie associative, participation des habitants."),
    ];

    public static readonly Value[] Audiences =
    [
        new("demandeurs-d-emploi", "Demandeurs d'emploi", "Personnes en recherche d'emploi ou de formation, inscrites ou non à France Travail."),
        new("jeunes-16-25-ans", "Jeunes (16-25 ans)", "Jeunes de 16 à 25 ans, scolarisés ou non, en formation ou en insertion."),
        new("habitants", "Habitants", "Habitants d'un quartier ou d'une commune, accueillis sans condition particulière."),
        new("seniors", "Seniors", "Personnes de 60 ans et plus."),
        new("benevoles-associatifs", "Bénévoles associatifs", "Bénévoles des associations, qui s'outillent pour leur engagement."),
        new("parents", "Parents", "Parents et familles, pour la scolarité et la vie quotidienne de leurs enfants."),
        new("salaries-associatifs", "Salariés associatifs", "Salariés et professionnels des associations et des structures de terrain."),
        new("allophones", "Allophones", "Personnes dont le français n'est pas la langue première."),
    ];

    /// <summary>The two communes, each followed by its quartiers, in the order forms offer them.</summary>
    public static readonly Place[] Territories =
    [
        new("tours", "Tours", null, "Préfecture d'Indre-et-Loire, ville-centre de la métropole."),
        new("tours-centre", "Centre", "tours", null),
        new("sanitas", "Sanitas", "tours", null),
        new("rives-du-cher", "Rives du Cher", "tours", null),
        new("europe", "Europe", "tours", null),
        new("fontaines", "Fontaines", "tours", null),
        new("maryse-bastie", "Maryse Bastié", "tours", null),
        new("bords-de-loire", "Bords de Loire", "tours", null),
        new("rochepinard", "Rochepinard", "tours", null),
        new("joue-les-tours", "Joué-lès-Tours", null, "Deuxième commune de la métropole, au sud de Tours."),
        new("joue-les-tours-centre", "Centre", "joue-les-tours", null),
        new("rabiere", "Rabière", "joue-les-tours", null),
        new("morier", "Morier", "joue-les-tours", null),
        new("vallee-violette", "Vallée Violette", "joue-les-tours", null),
    ];

    /// <summary>The portal's own wording of the four steps, stored so that the administrator can reword them.</summary>
    public static IEnumerable<AppropriationLevelWording> AppropriationLevels =>
        Enum.GetValues<AppropriationLevel>().Select(AppropriationLevelWording.Default);

    /// <summary>
    /// One list of the starter set: its title, how many values it brings, how many the database holds, and how to add
    /// them. A list is loaded only when the database holds none of its values.
    /// </summary>
    /// <param name="Essential">
    /// A list the forms cannot do without (themes…): while one is empty, /admin/listes offers the starter set. The levels'
    /// wording is not: without rows the portal's own wording shows, so loading it changes nothing anyone reads.
    /// </param>
    public sealed record Part(string Title, int Size, Func<ObservatoireDbContext, CancellationToken, Task<int>> CountAsync,
        Action<ObservatoireDbContext> Add, bool Essential = true)
    {
        public static Part Of<T>(string title, int size, Action<ObservatoireDbContext> add, bool essential = true) where T : class =>
            new(title, size, (db, ct) => db.Set<T>().CountAsync(ct), add, essential);
    }

    // A property, not a field: the tool lists live in StarterSet.Tools.cs, whose fields may be initialised after this file's.
    public static IReadOnlyList<Part> Parts =>
    [
        Part.Of<Theme>("Thèmes", Themes.Length, db => db.AddRange(Themes.Select((v, i) =>
            new Theme { Slug = v.Slug, Name = v.Name, Description = v.Description, SortOrder = i + 1 }))),
        Part.Of<Audience>("Publics", Audiences.Length, db => db.AddRange(Audiences.Select((v, i) =>
            new Audience { Slug = v.Slug, Name = v.Name, Description = v.Description, SortOrder = i + 1 }))),
        Part.Of<Territory>("Territoires", Territories.Length, db => db.AddRange(NewTerritories())),
        Part.Of<ToolCategory>("Catégories d'outils", ToolCategories.Length, db => db.AddRange(NewToolCategories())),
        Part.Of<Licence>("Licences", Licences.Length, db => db.AddRange(NewLicences())),
        Part.Of<StructureKind>("Types de structure", StructureKinds.Length, db => db.AddRange(NewStructureKinds())),
        Part.Of<AppropriationLevelWording>("Niveaux d'appropriation", Enum.GetValues<AppropriationLevel>().Length,
            db => db.AddRange(AppropriationLevels), essential: false),
    ];

    /// <summary>What loading did (or would do) to one list: <see cref="Added"/> values, or none because it held <see cref="Existing"/>.</summary>
    public sealed record Outcome(string Title, int Added, int Existing, bool Essential = true)
    {
        public bool Skipped => Existing > 0;
    }

    /// <summary>What <see cref="LoadAsync"/> would do now, without changing anything.</summary>
    public static async Task<List<Outcome>> PlanAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var plan = new List<Outcome>();
        foreach (var part in Parts)
        {
            var existing = await part.CountAsync(db, ct);
            plan.Add(new Outcome(part.Title, existing == 0 ? part.Size : 0, existing, part.Essential));
        }
        return plan;
    }

    /// <summary>
    /// Loads every list that is empty and leaves the others as they are. Call it inside a transaction: a lock makes a
    /// second load wait for the first and then find the lists filled.
    /// </summary>
    public static async Task<List<Outcome>> LoadAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(1382, 14)", ct);
        var plan = await PlanAsync(db, ct);
        foreach (var (part, outcome) in Parts.Zip(plan))
            if (!outcome.Skipped) part.Add(db);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private static IEnumerable<Territory> NewTerritories()
    {
        var communes = new Dictionary<string, Territory>();
        var order = new Dictionary<string, int>();
        foreach (var p in Territories)
        {
            var key = p.Commune ?? "";
            order[key] = order.GetValueOrDefault(key) + 1;
            var t = new Territory
            {
                Slug = p.Slug, Name = p.Name, Description = p.Description, SortOrder = order[key],
                Kind = p.Commune is null ? TerritoryKind.Municipality : TerritoryKind.Neighbourhood,
                Parent = p.Commune is null ? null : communes[p.Commune],
            };
            if (p.Commune is null) communes[p.Slug] = t;
            yield return t;
        }
    }
}
