using System.Data.Common;
using Npgsql;

namespace Observatoire.Web.Analysis;

/// <summary>
/// The catalogue of indicators: one definition and one query for each figure, shared by the dashboard,
/// its CSV exports and the PDF syntheses so that they never disagree. Only validated observations count.
/// </summary>
/// <remarks>
/// Usage: <c>var scope = await Indicators.ResolveAsync(db, filter.Normalized(today), ct);</c> then any
/// <c>…Async(db, scope, ct)</c>. Observation figures read the monthly rollups (AnalysisCells, AnalysisToolCells)
/// for whole months and the fact rows (AnalysisFacts) for the partial months at the edges of the period;
/// see docs/performance.md. Counts are exact: suppression of small groups is applied by whoever publishes them.
/// </remarks>
public static class Indicators
{
    /// <summary>An indicator as users read it: a label, and the sentence that says exactly what is counted.</summary>
    public sealed record Definition(string Id, string Label, string Description, bool Public);

    public static readonly Definition Observations = new("observations", "Usages observés",
        "Nombre d'observations validées par la coordination dont la date d'observation tombe dans la période.", true);
    public static readonly Definition Participants = new("participants", "Participants touchés",
        "Somme des participants déclarés dans les observations validées de la période (une même personne venue à deux séances compte deux fois).", true);
    public static readonly Definition Structures = new("structures", "Structures actives",
        "Nombre de structures différentes ayant au moins une observation validée dans la période.", true);
    public static readonly Definition Tools = new("outils", "Outils observés",
        "Nombre d'outils numériques différents cités dans au moins une observation validée de la période.", false);
    public static readonly Definition FreeShare = new("part-libre", "Part des outils libres",
        "Parmi les mentions d'outils dans les observations validées (une observation citant deux outils compte deux mentions), part des outils sous licence libre ; un outil dont la licence est inconnue compte comme non libre, comme un outil proposé par un contributeur et pas encore vérifié par la coordination (sa licence reste inconnue jusque-là).", false);
    public static readonly Definition ByTheme = new("themes", "Usages par thème",
        "Nombre d'observations validées par thème ; une observation liée à deux thèmes compte dans chacun.", true);
    public static readonly Definition ByAudience = new("publics", "Usages par public",
        "Nombre d'observations validées par public accompagné ; une observation liée à plusieurs publics compte dans chacun.", false);
    public static readonly Definition ByTerritory = new("territoires", "Usages par territoire",
        "Nombre d'observations validées selon le territoire où l'usage a été observé (quartier, ou commune quand le quartier n'est pas précisé).", true);
    public static readonly Definition ByStructureKind = new("types-structure", "Usages par type de structure",
        "Nombre d'observations validées selon le type de la structure qui les a faites.", false);
    public static readonly Definition ByToolCategory = new("categories-outils", "Mentions d'outils par catégorie",
        "Nombre de mentions d'outils dans les observations validées, par catégorie d'outil (une observation citant deux outils de la même catégorie compte deux fois).", false);
    public static readonly Definition ByLevel = new("appropriation", "Niveau d'appropriation",
        "Répartition des observations validées selon le niveau d'appropriation relevé par l'observateur, de la découverte à l'autonomie.", false);
    public static readonly Definition ByMonth = new("tendance", "Évolution mensuelle",
        "Nombre d'observations validées par mois d'observation ; les mois incomplets au bord de la période ne comptent que les jours inclus.", true);
    public static readonly Definition TopToolsPerTheme = new("outils-par-theme", "Outils les plus observés par thème",
        "Pour chaque thème, les cinq outils cités dans le plus grand nombre d'observations validées.", false);
    public static readonly Definition SurveyRespondents = new("repondants", "Répondants aux enquêtes",
        "Nombre de questionnaires remplis dans la période, toutes enquêtes confondues. Les filtres de territoire, thème, public et type de structure ne s'appliquent pas aux enquêtes.", false);
    public static readonly Definition SurveyQuestions = new("questions", "Questions d'enquête suivies",
        "Réponses aux questions que la coordination a choisi de suivre sur le tableau de bord : nombre de répondants par réponse, pour les questionnaires remplis dans la période.", false);

    /// <summary>Shown in the PDF syntheses' highlights, not on the dashboard (which has the per-theme view), hence not in <see cref="All"/>.</summary>
    public static readonly Definition TopTools = new("outils-les-plus-observes", "Outils les plus observés",
        "Les outils cités dans le plus grand nombre d'observations validées de la période, tous thèmes confondus (une observation compte une fois par outil cité).", false);

    /// <summary>Members only, on its own page (/observations/a-observer), not in <see cref="All"/>: it is a to-do list, not a figure.</summary>
    public static readonly Definition WhereToObserve = new("a-observer", "Où observer ensuite",
        "Les croisements quartier × thème × public dont les observations validées de la période sont trop peu nombreuses pour être publiées (moins que le seuil de confidentialité), les plus proches du seuil d'abord : une observation de plus y compte le plus.", false);

    /// <summary>On its own page (/tableau-de-bord/declare-observe), not in <see cref="All"/>: it crosses surveys and observations.</summary>
    public static readonly Definition DeclaredObserved = new("declare-observe", "Déclaré et observé",
        "Pour chaque outil : d'un côté la part des répondants aux enquêtes de la période qui disent l'utiliser (parmi ceux qui ont répondu à une question « Outils numériques »), de l'autre la part des observations validées de la période qui l'ont vu utilisé. Un écart d'au moins 20 points est signalé : un outil dont les habitants disent se servir sans qu'un atelier observé l'accompagne, ou un outil montré en atelier que peu d'habitants déclarent. Avec un filtre de territoire, les répondants sont ceux qui ont indiqué ce quartier ou cette commune à une question « Quartier » ; les filtres de thème, de public et de type de structure ne s'appliquent qu'aux observations.", true);

    /// <summary>On its own page (/tableau-de-bord/carte) and in the syntheses, not in <see cref="All"/>: it maps figures of the catalogue.</summary>
    public static readonly Definition Map = new("carte", "Carte des quartiers",
        "Un indicateur du catalogue (observations, participants ou structures actives) pour chaque quartier, et pour chaque commune sans quartier : la couleur d'une zone dit la classe de sa valeur, en cinq classes d'égale largeur de 1 au plus grand effectif publié. Une observation rattachée à une commune sans quartier précisé ne se place pas sur la carte : elle est comptée sous la carte.", true);

    /// <summary>The figures a map can show, per territory (<see cref="TotalsByTerritoryAsync"/>).</summary>
    public static readonly IReadOnlyList<Definition> Mappable = [Observations, Participants, Structures];

    public static readonly IReadOnlyList<Definition> All =
    [
        Observations, Participants, Structures, Tools, FreeShare, ByTheme, ByAudience, ByTerritory, ByStructureKind,
        ByToolCategory, ByLevel, ByMonth, TopToolsPerTheme, SurveyRespondents, SurveyQuestions,
    ];

    /// <summary>
    /// A filter turned into ids, with its period split into whole months (read from the rollups) and
    /// the partial months at either end (read from the fact rows). Null ids: no filter on that dimension.
    /// </summary>
    /// <remarks>
    /// With several themes (or audiences) an observation linked to two of them sits in two theme slices of the
    /// rollups, and no slice holds "one of these themes": every figure then reads the fact rows of the whole period
    /// (<see cref="FactsOnly"/>), where each observation is one row.
    /// </remarks>
    public sealed record Scope(
        DateOnly From, DateOnly To,
        int[]? TerritoryIds, int[]? ThemeIds, int[]? AudienceIds, int? KindId)
    {
        /// <summary>The one theme chosen (its rollup slice is read); null when there is none or several.</summary>
        public int? ThemeId => ThemeIds is [var id] ? id : null;
        public int? AudienceId => AudienceIds is [var id] ? id : null;
        public bool SeveralThemes => ThemeIds is { Length: > 1 };
        public bool SeveralAudiences => AudienceIds is { Length: > 1 };
        /// <summary>Several themes or audiences: the rollups would count some observations twice.</summary>
        public bool FactsOnly => SeveralThemes || SeveralAudiences;

        /// <summary>Every theme and audience id: "each theme" slices are read as ThemeId = ANY(ids), one index range per id.</summary>
        public int[] AllThemeIds { get; init; } = [];
        public int[] AllAudienceIds { get; init; } = [];

        /// <summary>
        /// The period of equal length just before this one, over the same ids: the figures' comparison is derived
        /// from the scope already resolved rather than resolved again (one database round trip per request).
        /// </summary>
        public Scope Previous()
        {
            var (from, to) = DashboardFilter.PreviousPeriod(From, To);
            return this with { From = from, To = to };
        }

        /// <summary>First day of the first whole month, and first day after the last whole month (equal when none).</summary>
        public (DateOnly Start, DateOnly End) WholeMonths
        {
            get
            {
                var start = From.Day == 1 ? From : new DateOnly(From.Year, From.Month, 1).AddMonths(1);
                var afterTo = To.AddDays(1);
                var end = new DateOnly(afterTo.Year, afterTo.Month, 1);
                return start < end ? (start, end) : (start, start);
            }
        }

        /// <summary>Day ranges (inclusive) not covered by <see cref="WholeMonths"/>.</summary>
        public IReadOnlyList<(DateOnly From, DateOnly To)> Edges
        {
            get
            {
                var (start, end) = WholeMonths;
                if (start == end) return [(From, To)];
                var edges = new List<(DateOnly, DateOnly)>(2);
                if (From < start) edges.Add((From, start.AddDays(-1)));
                if (end <= To) edges.Add((end, To));
                return edges;
            }
        }
    }

    /// <summary>Tag (an SQL comment) on the queries of <see cref="ResolveAsync"/>: they can be told apart in the server's statistics.</summary>
    public const string ResolveTag = "Indicators.ResolveAsync";

    /// <summary>
    /// Resolves slugs to ids. An unknown slug matches nothing (id -1): a mistyped filter must not silently
    /// show unfiltered figures. The filter must be normalized (both dates set). Resolve once per request and
    /// take the previous period from the result (<see cref="Scope.Previous"/>).
    /// </summary>
    public static async Task<Scope> ResolveAsync(ObservatoireDbContext db, DashboardFilter filter, CancellationToken ct = default)
    {
        if (filter.From is not DateOnly from || filter.To is not DateOnly to)
            throw new ArgumentException("Le filtre doit être normalisé (Normalized) avant d'être résolu.", nameof(filter));
        var territories = await TerritoryIdsAsync(db, filter.Territories, ct);
        var theme = await IdsAsync(db.Themes.TagWith(ResolveTag).Where(x => filter.Themes.Contains(x.Slug)).Select(x => x.Id), filter.Themes, ct);
        var audience = await IdsAsync(db.Audiences.TagWith(ResolveTag).Where(x => filter.Audiences.Contains(x.Slug)).Select(x => x.Id), filter.Audiences, ct);
        int? kind = null;
        if (filter.Kind is string k)
            // By slug, or by an address the kind answered to before (its external name when kinds were an enum, a
            // slug before a rename, a kind merged into this one).
            kind = await db.StructureKinds.TagWith(ResolveTag)
                .Where(x => x.Slug == k || db.SlugAliases.Any(a => a.Entity == nameof(StructureKind) && a.Slug == k && a.TargetId == x.Id))
                .OrderBy(x => x.Slug != k).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct) ?? -1;
        return new Scope(from, to, territories, theme, audience, kind)
        {
            AllThemeIds = [.. await db.Themes.TagWith(ResolveTag).Select(x => x.Id).ToListAsync(ct)],
            AllAudienceIds = [.. await db.Audiences.TagWith(ResolveTag).Select(x => x.Id).ToListAsync(ct)],
        };
    }

    /// <summary>
    /// Ids of the territories named by <paramref name="slugs"/>, each with its quartiers (a commune includes them), once
    /// even when a commune and one of its quartiers are both named; null without any slug, [-1] when none is known.
    /// </summary>
    public static Task<int[]?> TerritoryIdsAsync(ObservatoireDbContext db, string[] slugs, CancellationToken ct) =>
        IdsAsync(db.Territories.Where(x => slugs.Contains(x.Slug) || (x.Parent != null && slugs.Contains(x.Parent.Slug))).Select(x => x.Id),
            slugs, ct);

    /// <summary>Ids of several slugs (null without any slug); unknown slugs match nothing, so none known gives [-1].</summary>
    private static async Task<int[]?> IdsAsync(IQueryable<int> known, string[] slugs, CancellationToken ct)
    {
        if (slugs.Length == 0) return null;
        var ids = await known.Distinct().OrderBy(id => id).ToListAsync(ct);
        return ids.Count == 0 ? [-1] : [.. ids];
    }

    public sealed record Totals(int Observations, long Participants, int Structures);

    /// <summary>A quartier × theme × audience cell under the threshold, with the slugs a new observation is prefilled with.</summary>
    public sealed record Gap(string Territory, string TerritorySlug, string Theme, string ThemeSlug, string Audience, string AudienceSlug, int Observations);

    /// <summary>
    /// <see cref="WhereToObserve"/>: every cell of the scope's territories (a commune's quartiers; a commune without
    /// quartiers is a cell itself), themes and audiences still offered by the forms, with fewer validated observations in
    /// the period than <paramref name="threshold"/>; most observations first (the nearest to publishable), then by name.
    /// The cells are built from the reference lists; one grouped query counts the observations.
    /// </summary>
    public static async Task<List<Gap>> GapsAsync(ObservatoireDbContext db, Scope scope, int threshold, CancellationToken ct = default)
    {
        var territories = await db.Territories.AsNoTracking()
            .Where(t => t.RetiredAt == null && !t.Children.Any(c => c.RetiredAt == null))
            .Where(t => scope.TerritoryIds == null || scope.TerritoryIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Slug, Name = Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name) }).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().Where(t => t.RetiredAt == null && (scope.ThemeIds == null || scope.ThemeIds.Contains(t.Id)))
            .Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync(ct);
        var audiences = await db.Audiences.AsNoTracking().Where(a => a.RetiredAt == null && (scope.AudienceIds == null || scope.AudienceIds.Contains(a.Id)))
            .Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(ct);
        var counts = await (
                from o in ValidatedObservations(db, scope)
                from t in o.Themes
                from a in o.Audiences
                group o by new { o.TerritoryId, Theme = t.Id, Audience = a.Id } into g
                select new { g.Key.TerritoryId, g.Key.Theme, g.Key.Audience, Count = g.Count() })
            .ToDictionaryAsync(c => (c.TerritoryId, c.Theme, c.Audience), c => c.Count, ct);
        return (from t in territories
                from th in themes
                from a in audiences
                let n = counts.GetValueOrDefault((t.Id, th.Id, a.Id))
                where n < threshold
                select new Gap(t.Name, t.Slug, th.Name, th.Slug, a.Name, a.Slug, n))
            .OrderByDescending(g => g.Observations).ThenBy(g => g.Territory, French.Order).ThenBy(g => g.Theme, French.Order)
            .ThenBy(g => g.Audience, French.Order).ToList();
    }

    /// <summary>A bar of a chart: <paramref name="Key"/> is the slug used in drill-down links (or a code).</summary>
    public sealed record Group(string Key, string Label, int Count);

    public sealed record ToolTotals(int Tools, int Mentions, int FreeMentions)
    {
        /// <summary>Share of mentions that are free/open tools, 0–1; null without any mention.</summary>
        public double? FreeShare => Mentions == 0 ? null : (double)FreeMentions / Mentions;
    }

    public sealed record ThemeTools(string ThemeSlug, string Theme, IReadOnlyList<Group> Tools);

    public sealed record SurveyQuestion(int QuestionId, string Survey, string Question, int Respondents, IReadOnlyList<Group> Answers);

    /// <summary>Observations, participants and active structures.</summary>
    public static async Task<Totals> TotalsAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = Cells(scope, Slice.All, Slice.All);
        q.Sql = q.Cte + """
            SELECT coalesce(sum("Observations"), 0)::int, coalesce(sum("Participants"), 0)::bigint,
                   count(DISTINCT "StructureId")::int
            FROM cells
            """;
        var rows = await q.Run(db, r => new Totals(r.GetInt32(0), r.GetInt64(1), r.GetInt32(2)), ct);
        return rows[0];
    }

    public static async Task<ToolTotals> ToolTotalsAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = ToolCells(scope, Slice.All);
        q.Sql = q.Cte + """
            SELECT count(DISTINCT c."ToolId")::int, coalesce(sum(c."Observations"), 0)::int,
                   coalesce(sum(c."Observations") FILTER (WHERE l."IsFree"), 0)::int
            FROM toolcells c JOIN "DigitalTools" d ON d."Id" = c."ToolId" LEFT JOIN "Licences" l ON l."Id" = d."LicenceId"
            """;
        var rows = await q.Run(db, r => new ToolTotals(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)), ct);
        return rows[0];
    }

    /// <summary>
    /// Every theme in use (zero included) and every retired one that counts, in the administrators' order; only the
    /// filtered theme when there is one.
    /// </summary>
    public static Task<List<Group>> ByThemeAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default) =>
        ByListAsync(db, Cells(scope, Slice.Each, Slice.All), "Themes", "ThemeId",
            scope.SeveralThemes ? "ANY(@chosen_t)" : scope.ThemeId is null ? null : "@theme", ct);

    public static Task<List<Group>> ByAudienceAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default) =>
        ByListAsync(db, Cells(scope, Slice.All, Slice.Each), "Audiences", "AudienceId",
            scope.SeveralAudiences ? "ANY(@chosen_a)" : scope.AudienceId is null ? null : "@audience", ct);

    /// <summary>
    /// Observations per entry of a list the administrators order (themes, audiences), zero included; only the
    /// <paramref name="chosen"/> entries (an SQL value: a parameter, or ANY of an array parameter) when filtered.
    /// </summary>
    private static Task<List<Group>> ByListAsync(ObservatoireDbContext db, SqlQuery q, string table, string cellColumn,
        string? chosen, CancellationToken ct)
    {
        // A retired entry appears only where it counts: it says so, and is not offered as an empty bar.
        q.Sql = q.Cte + $"""
            SELECT l."Slug", l."Name" || CASE WHEN l."RetiredAt" IS NULL THEN '' ELSE '{ReferenceValues.RetiredMark}' END,
                   coalesce(sum(c."Observations"), 0)::int
            FROM "{table}" l LEFT JOIN cells c ON c."{cellColumn}" = l."Id"
            {(chosen is null ? "" : $"WHERE l.\"Id\" = {chosen}")}
            GROUP BY l."Id"
            {(chosen is null ? "HAVING l.\"RetiredAt\" IS NULL OR coalesce(sum(c.\"Observations\"), 0) > 0" : "")}
            ORDER BY l."SortOrder", l."Name"
            """;
        return q.Run(db, ReadGroup, ct);
    }

    /// <summary>Territories with at least one observation, most observed first; quartiers named with their commune.</summary>
    public static Task<List<Group>> ByTerritoryAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = Cells(scope, Slice.All, Slice.All);
        q.Sql = q.Cte + $"""
            SELECT t."Slug", t."Name", p."Name", t."RetiredAt" IS NOT NULL OR p."RetiredAt" IS NOT NULL, n
            FROM (SELECT "TerritoryId", sum("Observations")::int n FROM cells GROUP BY 1) c
            JOIN "Territories" t ON t."Id" = c."TerritoryId"
            LEFT JOIN "Territories" p ON p."Id" = t."ParentId"
            WHERE n > 0
            ORDER BY n DESC, t."Name", p."Name"
            """;
        return q.Run(db, r => new Group(r.GetString(0), Territory.Label(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3)),
            r.GetInt32(4)), ct);
    }

    /// <summary>Observations, participants and active structures of one territory, as <see cref="TotalsAsync"/> counts them overall.</summary>
    public sealed record TerritoryTotals(int TerritoryId, int Observations, long Participants, int Structures);

    /// <summary>
    /// <see cref="Observations"/>, <see cref="Participants"/> and <see cref="Structures"/> per territory where an observation
    /// was made (a quartier, or a commune when the quartier is not given), territories without any left out: the map's figures.
    /// </summary>
    public static Task<List<TerritoryTotals>> TotalsByTerritoryAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = Cells(scope, Slice.All, Slice.All);
        q.Sql = q.Cte + """
            SELECT "TerritoryId", sum("Observations")::int, coalesce(sum("Participants"), 0)::bigint, count(DISTINCT "StructureId")::int
            FROM cells GROUP BY 1 HAVING sum("Observations") > 0
            """;
        return q.Run(db, r => new TerritoryTotals(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetInt32(3)), ct);
    }

    /// <summary>
    /// Every structure kind with at least one observation, most observed first, keyed by slug; a retired kind still counts
    /// and says so, structures without a kind count under « Type non précisé » (key "").
    /// </summary>
    public static Task<List<Group>> ByStructureKindAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = Cells(scope, Slice.All, Slice.All);
        q.Sql = q.Cte + """
            SELECT k."Slug", k."Name", k."RetiredAt", x.n
            FROM (SELECT s."KindId", sum(c."Observations")::int n
                  FROM cells c JOIN "Structures" s ON s."Id" = c."StructureId" GROUP BY 1) x
            LEFT JOIN "StructureKinds" k ON k."Id" = x."KindId"
            WHERE x.n > 0
            ORDER BY x.n DESC, k."SortOrder", k."Name"
            """;
        return q.Run(db, r => ReadListGroup(r, ReferenceValues.NoKind), ct);
    }

    /// <summary>Every category with at least one mention, most mentioned first; as <see cref="ByStructureKindAsync"/> for the rest.</summary>
    public static Task<List<Group>> ByToolCategoryAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = ToolCells(scope, Slice.All);
        q.Sql = q.Cte + """
            SELECT k."Slug", k."Name", k."RetiredAt", x.n
            FROM (SELECT d."CategoryId", sum(c."Observations")::int n
                  FROM toolcells c JOIN "DigitalTools" d ON d."Id" = c."ToolId" GROUP BY 1) x
            LEFT JOIN "ToolCategories" k ON k."Id" = x."CategoryId"
            WHERE x.n > 0
            ORDER BY x.n DESC, k."SortOrder", k."Name"
            """;
        return q.Run(db, r => ReadListGroup(r, ReferenceValues.NoCategory), ct);
    }

    /// <summary>A group of an administered list (slug, name, retired at, count); null columns for records without a value.</summary>
    private static Group ReadListGroup(DbDataReader r, string none) => r.IsDBNull(0)
        ? new Group("", none, r.GetInt32(3))
        : new Group(r.GetString(0), ReferenceValues.Of(r.GetString(1), r.IsDBNull(2) ? null : r.GetDateTime(2)), r.GetInt32(3));

    /// <summary>The four levels, from discovery to autonomy, zero included, in the observatory's wording.</summary>
    public static async Task<List<Group>> ByLevelAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = Cells(scope, Slice.All, Slice.All);
        q.Sql = q.Cte + """
            SELECT coalesce(sum("Level1"), 0)::int, coalesce(sum("Level2"), 0)::int,
                   coalesce(sum("Level3"), 0)::int, coalesce(sum("Level4"), 0)::int
            FROM cells
            """;
        var counts = (await q.Run(db, r => new[] { r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3) }, ct))[0];
        var scale = await AppropriationScale.LoadAsync(db, ct);
        return scale.Levels
            .Select(l => new Group(((int)l).ToString(), scale.Label(l), counts[(int)l - 1]))
            .ToList();
    }

    /// <summary>Every month of the period, empty months included, keyed "yyyy-MM".</summary>
    public static async Task<List<Group>> ByMonthAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var q = Cells(scope, Slice.All, Slice.All);
        q.Sql = q.Cte + """SELECT "Month", sum("Observations")::int FROM cells GROUP BY 1""";
        var counts = (await q.Run(db, r => (Month: r.GetFieldValue<DateOnly>(0), Count: r.GetInt32(1)), ct))
            .ToDictionary(r => r.Month, r => r.Count);
        var months = new List<Group>();
        for (var m = new DateOnly(scope.From.Year, scope.From.Month, 1); m <= scope.To; m = m.AddMonths(1))
            months.Add(new Group(m.ToString("yyyy-MM"), ParisTime.Month(m), counts.GetValueOrDefault(m)));
        return months;
    }

    /// <summary>For each theme (administrators' order), its <paramref name="top"/> most cited tools.</summary>
    public static async Task<List<ThemeTools>> TopToolsPerThemeAsync(ObservatoireDbContext db, Scope scope, int top = 5,
        CancellationToken ct = default)
    {
        var q = ToolCells(scope, Slice.Each);
        q.Parameters.Add(new NpgsqlParameter("top", top));
        q.Sql = q.Cte + $"""
            SELECT th."Slug", th."Name" || CASE WHEN th."RetiredAt" IS NULL THEN '' ELSE '{ReferenceValues.RetiredMark}' END,
                   d."Slug", d."Name", x.n
            FROM (SELECT "ThemeId", "ToolId", sum("Observations")::int n,
                         row_number() OVER (PARTITION BY "ThemeId" ORDER BY sum("Observations") DESC, "ToolId") r
                  FROM toolcells GROUP BY 1, 2) x
            JOIN "Themes" th ON th."Id" = x."ThemeId"
            JOIN "DigitalTools" d ON d."Id" = x."ToolId"
            WHERE x.r <= @top AND x.n > 0
            ORDER BY th."SortOrder", th."Name", x.n DESC, d."Name"
            """;
        var rows = await q.Run(db, r => (ThemeSlug: r.GetString(0), Theme: r.GetString(1),
            Tool: new Group(r.GetString(2), r.GetString(3), r.GetInt32(4))), ct);
        return rows.GroupBy(r => (r.ThemeSlug, r.Theme))
            .Select(g => new ThemeTools(g.Key.ThemeSlug, g.Key.Theme, g.Select(r => r.Tool).ToList()))
            .ToList();
    }

    /// <summary>The <paramref name="top"/> tools cited in the most observations, every theme together.</summary>
    public static Task<List<Group>> TopToolsAsync(ObservatoireDbContext db, Scope scope, int top = 10, CancellationToken ct = default)
    {
        var q = ToolCells(scope, Slice.All);
        q.Parameters.Add(new NpgsqlParameter("top", top));
        q.Sql = q.Cte + $"""
            SELECT d."Slug", d."Name", x.n
            FROM (SELECT "ToolId", sum("Observations")::int n FROM toolcells GROUP BY 1) x
            JOIN "DigitalTools" d ON d."Id" = x."ToolId"
            WHERE x.n > 0
            ORDER BY x.n DESC, d."Name"
            LIMIT @top
            """;
        return q.Run(db, ReadGroup, ct);
    }

    /// <summary>
    /// The validated observations behind every figure of <paramref name="scope"/>, for row-level uses (open data,
    /// the contributing structures and the data fingerprint of a synthesis): the same rows the rollups add up.
    /// </summary>
    public static IQueryable<Observation> ValidatedObservations(ObservatoireDbContext db, Scope scope)
    {
        var query = db.Observations.AsNoTracking()
            .Where(o => o.Status == ObservationStatus.Validated && o.ObservedOn >= scope.From && o.ObservedOn <= scope.To);
        if (scope.TerritoryIds is { } territories) query = query.Where(o => territories.Contains(o.TerritoryId));
        if (scope.FactsOnly)
        {
            // Several themes or audiences: tested on the fact row's arrays (overlap), the rows the figures count. Through
            // the link tables PostgreSQL misjudges "one of these themes" and walks every link (10 s instead of 0.7 s at 1M).
            var (from, to) = (scope.From, scope.To);
            var facts = db.AnalysisFacts.Where(f => f.ObservedOn >= from && f.ObservedOn <= to);
            if (scope.ThemeIds is { } themes) facts = facts.Where(f => f.ThemeIds.Any(id => themes.Contains(id)));
            if (scope.AudienceIds is { } audiences) facts = facts.Where(f => f.AudienceIds.Any(id => audiences.Contains(id)));
            query = query.Where(o => facts.Any(f => f.ObservationId == o.Id));
        }
        else
        {
            if (scope.ThemeId is int theme) query = query.Where(o => o.Themes.Any(t => t.Id == theme));
            if (scope.AudienceId is int audience) query = query.Where(o => o.Audiences.Any(a => a.Id == audience));
        }
        if (scope.KindId is int kind) query = query.Where(o => o.Structure.KindId == kind);
        return query;
    }

    /// <summary>Questionnaires submitted in the period, every survey together.</summary>
    public static Task<int> SurveyRespondentsAsync(ObservatoireDbContext db, Scope scope, CancellationToken ct = default)
    {
        var (from, to) = Instants(scope);
        return db.Responses.AsNoTracking().CountAsync(r => r.CreatedAt >= from && r.CreatedAt < to, ct);
    }

    /// <summary>
    /// The closed questions Coordination chose to show on the dashboard (surveys that are not drafts), with the
    /// number of respondents for each answer in the period. Every option is listed, zero included.
    /// </summary>
    public static async Task<List<SurveyQuestion>> SurveyQuestionsAsync(ObservatoireDbContext db, Scope scope,
        CancellationToken ct = default)
    {
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.ShowOnDashboard && q.Survey.Status != SurveyStatus.Draft)
            .OrderBy(q => q.Survey.Title).ThenBy(q => q.Section.Order).ThenBy(q => q.Order)
            .Select(q => new
            {
                q.Id, q.Type, q.Text, Survey = q.Survey.Title,
                Options = q.Options.OrderBy(o => o.Order).Select(o => new { o.Id, o.Code, o.Label }).ToList(),
            })
            .ToListAsync(ct);
        questions = questions.Where(q => q.Type.IsClosed()).ToList();
        if (questions.Count == 0) return [];

        var ids = questions.Select(q => q.Id).ToArray();
        // Daily rollup kept by triggers (SurveyAnswerDays): value -1 holds the question's respondents.
        var counts = await db.SurveyAnswerDays.AsNoTracking()
            .Where(d => ids.Contains(d.QuestionId) && d.Day >= scope.From && d.Day <= scope.To)
            .GroupBy(d => new { d.QuestionId, d.ValueKey })
            .Select(g => new { Question = g.Key.QuestionId, Value = g.Key.ValueKey, Count = g.Sum(d => d.Count) })
            .ToListAsync(ct);

        var territoryIds = questions.Any(q => q.Type == QuestionType.Territory)
            ? await db.Territories.AsNoTracking()
                .Select(t => new { t.Id, t.Slug, Name = Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name) }).ToListAsync(ct) : [];
        var toolIds = questions.Any(q => q.Type == QuestionType.Tools)
            ? await db.DigitalTools.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync(ct) : [];

        var result = new List<SurveyQuestion>();
        foreach (var q in questions)
        {
            var mine = counts.Where(c => c.Question == q.Id).ToList();
            var respondents = mine.FirstOrDefault(c => c.Value == SurveyAnswerDay.Respondents)?.Count ?? 0;
            var byValue = mine.Where(c => c.Value != SurveyAnswerDay.Respondents).ToDictionary(c => c.Value, c => c.Count);
            List<Group> answers = q.Type switch
            {
                QuestionType.Territory => territoryIds.Where(t => byValue.ContainsKey(t.Id))
                    .Select(t => new Group(t.Slug, t.Name, byValue[t.Id])).OrderByDescending(g => g.Count).ToList(),
                QuestionType.Tools => toolIds.Where(t => byValue.ContainsKey(t.Id))
                    .Select(t => new Group(t.Slug, t.Name, byValue[t.Id])).OrderByDescending(g => g.Count).ToList(),
                _ => q.Options.Select(o => new Group(o.Code, o.Label, byValue.GetValueOrDefault(o.Id))).ToList(),
            };
            if (byValue.TryGetValue(0, out var other))
                answers.Add(new Group("autre", "Autre (réponse libre)", other));
            result.Add(new SurveyQuestion(q.Id, q.Survey, q.Text, respondents, answers));
        }
        return result;
    }

    // Survey responses carry an instant; the period covers whole days in Tours' time zone.
    internal static (DateTime From, DateTime To) Instants(Scope scope) =>
        (ParisTime.ToUtc(scope.From.ToDateTime(TimeOnly.MinValue)), ParisTime.ToUtc(scope.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    private static Group ReadGroup(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetInt32(2));

    private enum Slice { All, Each }

    /// <summary>
    /// CTE <c>cells</c>: rollup rows of the whole months plus fact rows of the edge days, in the same shape,
    /// restricted by the filter. <paramref name="themes"/> = Each gives one row per theme (ThemeId ≠ 0),
    /// All the "every theme" slice (ThemeId = 0) where each observation appears once.
    /// </summary>
    private static SqlQuery Cells(Scope scope, Slice themes, Slice audiences)
    {
        var q = new SqlQuery();
        var themeCond = q.SliceCondition(scope.ThemeId, "theme", themes, scope.AllThemeIds);
        var audienceCond = q.SliceCondition(scope.AudienceId, "audience", audiences, scope.AllAudienceIds);
        var common = q.CommonConditions(scope, "x");
        var parts = new List<string>();
        var (start, end) = scope.WholeMonths;
        if (!scope.FactsOnly && start < end)
        {
            q.Parameters.Add(new NpgsqlParameter("m0", start));
            q.Parameters.Add(new NpgsqlParameter("m1", end));
            parts.Add($"""
                SELECT x."Month", x."TerritoryId", x."StructureId", x."ThemeId", x."AudienceId", x."Observations",
                       x."Participants", x."Level1", x."Level2", x."Level3", x."Level4"
                FROM "AnalysisCells" x
                WHERE x."Month" >= @m0 AND x."Month" < @m1 AND x."ThemeId" {themeCond} AND x."AudienceId" {audienceCond}{common}
                """);
        }
        var (themeValue, themeJoin, themeWhere) = scope.SeveralThemes
            ? q.ChosenSlice(scope.ThemeIds!, themes, "ThemeIds", "t") : FactSlice(scope.ThemeId, themes, "ThemeIds", "t");
        var (audienceValue, audienceJoin, audienceWhere) = scope.SeveralAudiences
            ? q.ChosenSlice(scope.AudienceIds!, audiences, "AudienceIds", "a") : FactSlice(scope.AudienceId, audiences, "AudienceIds", "a");
        parts.Add($"""
            SELECT x."Month", x."TerritoryId", x."StructureId", {themeValue}, {audienceValue}, 1, x."Participants"::bigint,
                   (x."Level" = 1)::int, (x."Level" = 2)::int, (x."Level" = 3)::int, (x."Level" = 4)::int
            FROM "AnalysisFacts" x{themeJoin}{audienceJoin}
            WHERE {q.DateCondition(scope.FactsOnly ? [(scope.From, scope.To)] : scope.Edges)}{themeWhere}{audienceWhere}{common}
            """);
        q.Cte = "WITH cells (\"Month\", \"TerritoryId\", \"StructureId\", \"ThemeId\", \"AudienceId\", \"Observations\", " +
            "\"Participants\", \"Level1\", \"Level2\", \"Level3\", \"Level4\") AS (\n" + string.Join("\nUNION ALL\n", parts) + "\n)\n";
        return q;
    }

    /// <summary>
    /// CTE <c>toolcells</c> (ThemeId, ToolId, Observations). Without an audience or structure-kind filter: whole
    /// months from AnalysisToolCells, edge days from the daily AnalysisToolDays. With one: whole months from
    /// AnalysisToolDetailCells (audience and structure dimensions), edge days from the fact rows.
    /// </summary>
    private static SqlQuery ToolCells(Scope scope, Slice themes)
    {
        var q = new SqlQuery();
        var themeCond = q.SliceCondition(scope.ThemeId, "theme", themes, scope.AllThemeIds);
        var territory = scope.TerritoryIds is null ? "" : " AND x.\"TerritoryId\" = ANY(@territories)";
        if (scope.TerritoryIds is not null) q.Parameters.Add(new NpgsqlParameter("territories", scope.TerritoryIds));
        var parts = new List<string>();
        var (start, end) = scope.WholeMonths;
        // Several themes or audiences: the whole period from the fact rows (the rollups would count some twice).
        var months = !scope.FactsOnly && start < end;
        var detail = scope.AudienceId is not null || scope.KindId is not null || scope.FactsOnly;
        if (months)
        {
            q.Parameters.Add(new NpgsqlParameter("m0", start));
            q.Parameters.Add(new NpgsqlParameter("m1", end));
        }
        if (!detail)
        {
            if (months)
                parts.Add($"""
                    SELECT x."ThemeId", x."ToolId", x."Observations"
                    FROM "AnalysisToolCells" x
                    WHERE x."Month" >= @m0 AND x."Month" < @m1 AND x."ThemeId" {themeCond}{territory}
                    """);
            parts.Add($"""
                SELECT x."ThemeId", x."ToolId", x."Observations"
                FROM "AnalysisToolDays" x
                WHERE x."ThemeId" {themeCond} AND {q.DateCondition(scope.Edges, "Day")}{territory}
                """);
            q.Cte = "WITH toolcells (\"ThemeId\", \"ToolId\", \"Observations\") AS (\n" + string.Join("\nUNION ALL\n", parts) + "\n)\n";
            return q;
        }

        var factFilters = territory;
        var audienceCond = "= 0";
        if (scope.AudienceId is int audience)
        {
            q.Parameters.Add(new NpgsqlParameter("audience", audience));
            factFilters += " AND @audience = ANY(x.\"AudienceIds\")";
            audienceCond = "= @audience";
        }
        else if (scope.SeveralAudiences)
        {
            q.Parameters.Add(new NpgsqlParameter("chosen_a", scope.AudienceIds!));
            factFilters += " AND x.\"AudienceIds\" && @chosen_a";
        }
        if (scope.KindId is int kind)
        {
            q.Parameters.Add(new NpgsqlParameter("kind", kind));
            var structures = " AND x.\"StructureId\" = ANY(ARRAY(SELECT \"Id\" FROM \"Structures\" WHERE \"KindId\" = @kind))";
            factFilters += structures;
            territory += structures;
        }
        if (months)
            parts.Add($"""
                SELECT x."ThemeId", x."ToolId", x."Observations"
                FROM "AnalysisToolDetailCells" x
                WHERE x."AudienceId" {audienceCond} AND x."ThemeId" {themeCond} AND x."Month" >= @m0 AND x."Month" < @m1{territory}
                """);
        var dates = scope.FactsOnly ? [(scope.From, scope.To)] : scope.Edges;
        var (themeValue, themeJoin, themeWhere) = scope.SeveralThemes
            ? q.ChosenSlice(scope.ThemeIds!, themes, "ThemeIds", "t") : FactSlice(scope.ThemeId, themes, "ThemeIds", "t");
        parts.Add($"""
            SELECT {themeValue}, tool, 1
            FROM "AnalysisFacts" x{themeJoin}
            CROSS JOIN LATERAL unnest(x."ToolIds") tool
            WHERE {q.DateCondition(dates)}{themeWhere}{factFilters}
            """);
        q.Cte = "WITH toolcells (\"ThemeId\", \"ToolId\", \"Observations\") AS (\n" + string.Join("\nUNION ALL\n", parts) + "\n)\n";
        return q;
    }

    /// <summary>
    /// How fact rows join a slice: "every value" is the constant 0 and one value is a containment test (no
    /// unnest: edge days can hold tens of thousands of rows at 1M observations); only "each value" unnests.
    /// Parameters are the ones <see cref="SqlQuery.SliceCondition"/> added.
    /// </summary>
    private static (string Value, string Join, string Where) FactSlice(int? filtered, Slice slice, string column, string alias)
    {
        var name = alias == "t" ? "theme" : "audience";
        if (filtered is not null) return ($"@{name}", "", $" AND @{name} = ANY(x.\"{column}\")");
        if (slice == Slice.All) return ("0", "", "");
        return ($"{alias}.k", $"\nCROSS JOIN LATERAL unnest(x.\"{column}\") {alias}(k)", "");
    }

    /// <summary>
    /// Turns parallel workers off until the end of the current transaction (an implicit one for a batch): starting them
    /// costs more on two cores than the small scans they would share. Transaction-local, as pooled connections are not reset.
    /// </summary>
    internal const string NoParallelWorkers = "SELECT set_config('max_parallel_workers_per_gather', '0', true)";

    /// <summary>One SQL statement and its parameters, run on the context's connection.</summary>
    private sealed class SqlQuery
    {
        public string Cte { get; set; } = "";
        public string Sql { get; set; } = "";
        public List<NpgsqlParameter> Parameters { get; } = [];

        /// <summary>"= @theme" when filtered on one value, else the slice: "= 0" (every value) or "= ANY(@themes)" (each value).</summary>
        public string SliceCondition(int? filtered, string name, Slice slice, int[] all)
        {
            if (filtered is int id)
            {
                Parameters.Add(new NpgsqlParameter(name, id));
                return "= @" + name;
            }
            if (slice == Slice.All) return "= 0";
            Parameters.Add(new NpgsqlParameter(name + "s", all));
            return $"= ANY(@{name}s)";
        }

        /// <summary>
        /// Fact rows of several chosen values (parameter <c>@chosen_t</c> or <c>@chosen_a</c>): "every value" keeps a
        /// row once when it has any of them (array overlap); "each value" unnests and keeps the chosen ones only.
        /// </summary>
        public (string Value, string Join, string Where) ChosenSlice(int[] chosen, Slice slice, string column, string alias)
        {
            var name = "chosen_" + alias;
            Parameters.Add(new NpgsqlParameter(name, chosen));
            if (slice == Slice.All) return ("0", "", $" AND x.\"{column}\" && @{name}");
            return ($"{alias}.k", $"\nCROSS JOIN LATERAL unnest(x.\"{column}\") {alias}(k)", $" AND {alias}.k = ANY(@{name})");
        }

        public string CommonConditions(Scope scope, string alias)
        {
            var sql = "";
            if (scope.TerritoryIds is not null)
            {
                Parameters.Add(new NpgsqlParameter("territories", scope.TerritoryIds));
                sql += $" AND {alias}.\"TerritoryId\" = ANY(@territories)";
            }
            if (scope.KindId is int kind)
            {
                Parameters.Add(new NpgsqlParameter("kind", kind));
                // An array computed once: with IN (subquery) the planner expects one structure and rescans the
                // edge days' fact rows once per structure of the kind (EXPLAIN ANALYZE: loops=6 at 1M).
                sql += $" AND {alias}.\"StructureId\" = ANY(ARRAY(SELECT \"Id\" FROM \"Structures\" WHERE \"KindId\" = @kind))";
            }
            return sql;
        }

        public string DateCondition(IReadOnlyList<(DateOnly From, DateOnly To)> ranges, string column = "ObservedOn")
        {
            if (ranges.Count == 0) return "false";
            var conditions = new List<string>();
            foreach (var (from, to) in ranges)
            {
                var i = Parameters.Count;
                Parameters.Add(new NpgsqlParameter($"d{i}a", from));
                Parameters.Add(new NpgsqlParameter($"d{i}b", to));
                conditions.Add($"x.\"{column}\" BETWEEN @d{i}a AND @d{i}b");
            }
            return "(" + string.Join(" OR ", conditions) + ")";
        }

        public async Task<List<T>> Run<T>(ObservatoireDbContext db, Func<DbDataReader, T> read, CancellationToken ct)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                // Parallel workers cost more to start (≈ 20 ms on two cores) than these small scans of the rollups. The
                // setting is local to the batch's implicit transaction: pooled connections are not reset (DataExtensions).
                await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
                {
                    BatchCommands = { new NpgsqlBatchCommand(NoParallelWorkers), new NpgsqlBatchCommand(Sql) },
                };
                batch.BatchCommands[1].Parameters.AddRange(Parameters.ToArray());
                await using var reader = await batch.ExecuteReaderAsync(ct);
                await reader.NextResultAsync(ct);
                var rows = new List<T>();
                while (await reader.ReadAsync(ct)) rows.Add(read(reader));
                return rows;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
