namespace Observatoire.Web.Analysis;

/// <summary>
/// Who takes part (issue #19, the participation mirror): contributions to the observatory itself — observations
/// submitted and validated, revisions of experience reports, survey campaigns, watch items, event attendances — by
/// actor category, structure kind, territory and period, with the number of distinct contributors. Counts are exact:
/// whoever publishes them suppresses small groups (<see cref="Cell"/>).
/// </summary>
/// <remarks>
/// Each kind is one grouped query (person × structure × month, in Paris time); the rows are small and are attributed
/// in memory. A contribution carries the structures of its observation, or else those of its author's account.
/// </remarks>
public static class Participation
{
    public enum Kind { Submitted, Validated, ReportRevisions, SurveysCreated, SurveysOpened, WatchItems, Attendances }

    public enum Step { Month, Quarter }

    public static readonly Indicators.Definition Submitted = new("observations-soumises", "Observations soumises",
        "Nombre de soumissions d'observations à la coordination dans la période ; une observation renvoyée à son auteur puis soumise à nouveau compte à chaque soumission. Elle est rattachée à sa structure et à la personne qui l'a soumise.", true);
    public static readonly Indicators.Definition Validated = new("observations-validees", "Observations validées",
        "Nombre d'observations validées par la coordination dans la période (date de validation), rattachées à leur structure et à la personne qui les a saisies.", true);
    public static readonly Indicators.Definition ReportRevisions = new("retours-experience", "Retours d'expérience écrits",
        "Nombre de révisions enregistrées dans la période sur les pages « retour d'expérience » du wiki (création comprise), rattachées à leur auteur et aux structures de son compte.", true);
    public static readonly Indicators.Definition SurveysCreated = new("enquetes-creees", "Enquêtes créées",
        "Nombre d'enquêtes créées dans la période. Une enquête n'enregistre pas qui l'a construite : elle ne compte que dans les totaux et par période, et les filtres de territoire et de type de structure ne s'y appliquent pas.", true);
    public static readonly Indicators.Definition SurveysOpened = new("enquetes-ouvertes", "Enquêtes ouvertes",
        "Nombre d'enquêtes publiées (ouvertes, ou fermées depuis) dont la date d'ouverture tombe dans la période ; sans date d'ouverture, la date de création. Comme les enquêtes créées, elles ne comptent que dans les totaux et par période.", true);
    public static readonly Indicators.Definition WatchItems = new("veille", "Articles de veille proposés",
        "Nombre d'articles de veille proposés par un membre dans la période (les articles lus dans un flux n'ont pas d'auteur et ne comptent pas), rattachés aux structures de son compte.", true);
    public static readonly Indicators.Definition Attendances = new("participations-evenements", "Participations aux événements",
        "Nombre d'inscriptions confirmées à des événements non annulés qui commencent dans la période (la liste d'attente et les inscriptions annulées ne comptent pas), rattachées aux structures du compte ; une inscription sans compte n'a pas de structure.", true);
    public static readonly Indicators.Definition Contributors = new("contributeurs", "Contributeurs",
        "Nombre de personnes différentes ayant au moins une contribution comptée dans la période ou le groupe : un compte, ou une adresse e-mail pour une inscription à un événement sans compte.", true);
    public static readonly Indicators.Definition ByCategory = new("participation-categories", "Contributions par catégorie d'acteur",
        "Contributions et contributeurs selon la catégorie de la fiche d'acteur liée au compte (professionnel de terrain, institutionnel, usager ou habitant) ; « Sans fiche d'acteur » pour un compte qui n'en a pas, « Inscription sans compte » pour un événement, « Auteur inconnu » pour une contribution dont le compte a été supprimé ou qui n'en a jamais eu (une observation reprise d'une autre source).", true);
    public static readonly Indicators.Definition ByStructureKind = new("participation-types-structure", "Contributions par type de structure",
        "Contributions et contributeurs selon le type de la structure ; une contribution d'un compte rattaché à des structures de deux types compte dans chacun.", true);
    public static readonly Indicators.Definition ByTerritory = new("participation-territoires", "Contributions par territoire",
        "Contributions et contributeurs selon le territoire (quartier, ou commune) de la structure ; une contribution d'un compte rattaché à des structures de deux territoires compte dans chacun.", true);
    public static readonly Indicators.Definition ByPeriod = new("participation-tendance", "Contributions par mois ou par trimestre",
        "Contributions de chaque sorte et contributeurs par mois (ou par trimestre) de la période, en heure de Paris ; les mois incomplets au bord de la période ne comptent que les jours inclus.", true);

    /// <summary>The definition of each kind, in <see cref="Kind"/> order.</summary>
    public static readonly IReadOnlyList<Indicators.Definition> Kinds =
        [Submitted, Validated, ReportRevisions, SurveysCreated, SurveysOpened, WatchItems, Attendances];

    /// <summary>Kinds that have an author, hence a category, structure and territory (surveys do not).</summary>
    public static readonly IReadOnlyList<Kind> Attributed =
        [Kind.Submitted, Kind.Validated, Kind.ReportRevisions, Kind.WatchItems, Kind.Attendances];

    public static readonly IReadOnlyList<Indicators.Definition> All =
        [.. Kinds, Contributors, ByCategory, ByStructureKind, ByTerritory, ByPeriod];

    public const string NoActor = "Sans fiche d'acteur";
    public const string NoAccount = "Inscription sans compte";
    /// <summary>A contribution without an account: deleted since, or never recorded (observations of the demo or an older source).</summary>
    public const string UnknownAuthor = "Auteur inconnu";
    public const string NoStructure = "Sans structure";
    public const string NoKind = "Type non renseigné";
    public const string NoTerritory = "Territoire non renseigné";

    /// <summary>One group of a table: its contributions of each kind (indexed by <see cref="Kind"/>) and its distinct contributors.</summary>
    public sealed record Row(string Label, int[] Counts, int Contributors)
    {
        public int Total => Counts.Sum();
    }

    /// <summary>One table of the mirror: a dimension, its rows, and the kinds it has columns for.</summary>
    public sealed record Table(string Id, Indicators.Definition Definition, string GroupHeading, IReadOnlyList<Kind> Columns,
        IReadOnlyList<Row> Rows);

    /// <summary>Everything the page and its CSV show: totals, then one table per dimension.</summary>
    public sealed record Mirror(Row Totals, IReadOnlyList<Table> Tables);

    /// <summary>A contribution counted once per (kind, person, structures, period bucket).</summary>
    private sealed record Contribution(Kind Kind, string? Person, string Category, int[] StructureIds, DateOnly Bucket, int Count);

    /// <summary>A UTC hour, as the database groups instants.</summary>
    private sealed record Hour(int Year, int Month, int Day, int Of)
    {
        public DateTime Utc => new(Year, Month, Day, Of, 0, 0, DateTimeKind.Utc);
    }

    private sealed record StructureInfo(int Id, int? TerritoryId, int? KindId, string KindLabel, string TerritoryLabel);

    /// <summary>The first day of the month or quarter holding <paramref name="day"/>.</summary>
    public static DateOnly Bucket(DateOnly day, Step step) =>
        new(day.Year, step == Step.Quarter ? (day.Month - 1) / 3 * 3 + 1 : day.Month, 1);

    public static string BucketLabel(DateOnly bucket, Step step) =>
        step == Step.Quarter ? ParisTime.Quarter(bucket) : ParisTime.Month(bucket);

    /// <summary>
    /// The mirror over <paramref name="scope"/>'s period, its territories (of the contributions' structures) and structure
    /// kind; themes and audiences do not apply (a contribution to the observatory has none of its own).
    /// </summary>
    public static async Task<Mirror> LoadAsync(ObservatoireDbContext db, Indicators.Scope scope, Step step, CancellationToken ct = default)
    {
        var from = ParisTime.ToUtc(scope.From.ToDateTime(TimeOnly.MinValue));
        var to = ParisTime.ToUtc(scope.To.AddDays(1).ToDateTime(TimeOnly.MinValue));

        // Grouped by UTC hour (Paris is a whole number of hours from UTC), then each hour is put in its Paris month here.
        var submitted = await db.ObservationChanges.AsNoTracking()
            .Where(c => c.Kind == ObservationChangeKind.Submitted && c.At >= from && c.At < to)
            .GroupBy(c => new { c.UserId, c.Observation.StructureId, c.At.Year, c.At.Month, c.At.Day, c.At.Hour })
            .Select(g => new { g.Key.UserId, g.Key.StructureId, Hour = new Hour(g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour), Count = g.Count() })
            .ToListAsync(ct);
        var validated = await db.Observations.AsNoTracking()
            .Where(o => o.Status == ObservationStatus.Validated && o.ValidatedAt >= from && o.ValidatedAt < to)
            .Select(o => new { o.CreatedById, o.StructureId, At = o.ValidatedAt!.Value })
            .GroupBy(o => new { o.CreatedById, o.StructureId, o.At.Year, o.At.Month, o.At.Day, o.At.Hour })
            .Select(g => new { UserId = g.Key.CreatedById, g.Key.StructureId, Hour = new Hour(g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour), Count = g.Count() })
            .ToListAsync(ct);
        var revisions = await db.WikiRevisions.AsNoTracking()
            .Where(r => r.Page.Type == WikiPageType.ExperienceReport && r.CreatedAt >= from && r.CreatedAt < to)
            .GroupBy(r => new { r.AuthorId, r.CreatedAt.Year, r.CreatedAt.Month, r.CreatedAt.Day, r.CreatedAt.Hour })
            .Select(g => new { UserId = g.Key.AuthorId, Hour = new Hour(g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour), Count = g.Count() })
            .ToListAsync(ct);
        var watch = await db.WatchItems.AsNoTracking()
            .Where(w => w.PostedById != null && w.CreatedAt >= from && w.CreatedAt < to)
            .GroupBy(w => new { w.PostedById, w.CreatedAt.Year, w.CreatedAt.Month, w.CreatedAt.Day, w.CreatedAt.Hour })
            .Select(g => new { UserId = g.Key.PostedById, Hour = new Hour(g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour), Count = g.Count() })
            .ToListAsync(ct);
        var attendances = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Confirmed && !r.Event.IsCancelled && r.Event.StartsAt >= from && r.Event.StartsAt < to)
            .Select(r => new { r.UserId, Email = r.Email == null ? null : r.Email.ToLower(), At = r.Event.StartsAt })
            .GroupBy(r => new { r.UserId, r.Email, r.At.Year, r.At.Month, r.At.Day, r.At.Hour })
            .Select(g => new { g.Key.UserId, g.Key.Email, Hour = new Hour(g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour), Count = g.Count() })
            .ToListAsync(ct);
        var created = await db.Surveys.AsNoTracking()
            .Where(s => s.CreatedAt >= from && s.CreatedAt < to)
            .Select(s => new Hour(s.CreatedAt.Year, s.CreatedAt.Month, s.CreatedAt.Day, s.CreatedAt.Hour)).ToListAsync(ct);
        var opened = await db.Surveys.AsNoTracking()
            .Where(s => s.Status != SurveyStatus.Draft && (s.OpensAt ?? s.CreatedAt) >= from && (s.OpensAt ?? s.CreatedAt) < to)
            .Select(s => s.OpensAt ?? s.CreatedAt)
            .Select(at => new Hour(at.Year, at.Month, at.Day, at.Hour)).ToListAsync(ct);

        var userIds = submitted.Select(c => c.UserId).Concat(validated.Select(c => c.UserId)).Concat(revisions.Select(c => c.UserId))
            .Concat(watch.Select(c => c.UserId)).Concat(attendances.Select(c => c.UserId)).OfType<string>().Distinct().ToArray();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Category = u.Actor == null ? (ActorCategory?)null : u.Actor.Category, Structures = u.Structures.Select(s => s.Id).ToList() })
            .ToDictionaryAsync(u => u.Id, ct);
        var structureIds = users.Values.SelectMany(u => u.Structures).Concat(submitted.Select(c => c.StructureId))
            .Concat(validated.Select(c => c.StructureId)).Distinct().ToArray();
        var structures = await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .Select(s => new StructureInfo(s.Id, s.TerritoryId, s.KindId,
                s.Kind == null ? NoKind : s.Kind.Name + (s.Kind.RetiredAt == null ? "" : ReferenceValues.RetiredMark),
                s.Territory == null ? NoTerritory : Territory.Label(s.Territory.Name, s.Territory.Parent == null ? null : s.Territory.Parent.Name)))
            .ToDictionaryAsync(s => s.Id, ct);

        string CategoryOf(string? userId)
        {
            if (userId is null) return UnknownAuthor;
            return users.GetValueOrDefault(userId)?.Category is ActorCategory category ? category.Label() : NoActor;
        }
        int[] StructuresOf(string? userId) => userId is null ? [] : [.. users.GetValueOrDefault(userId)?.Structures ?? []];
        DateOnly At(Hour hour) => Bucket(DateOnly.FromDateTime(ParisTime.ToParis(hour.Utc)), step);

        var all = new List<Contribution>();
        all.AddRange(submitted.Select(c => new Contribution(Kind.Submitted, c.UserId, CategoryOf(c.UserId), [c.StructureId], At(c.Hour), c.Count)));
        all.AddRange(validated.Select(c => new Contribution(Kind.Validated, c.UserId, CategoryOf(c.UserId), [c.StructureId], At(c.Hour), c.Count)));
        all.AddRange(revisions.Select(c => new Contribution(Kind.ReportRevisions, c.UserId, CategoryOf(c.UserId), StructuresOf(c.UserId), At(c.Hour), c.Count)));
        all.AddRange(watch.Select(c => new Contribution(Kind.WatchItems, c.UserId, CategoryOf(c.UserId), StructuresOf(c.UserId), At(c.Hour), c.Count)));
        all.AddRange(attendances.Select(c => new Contribution(Kind.Attendances, c.UserId ?? (c.Email is null ? null : "mail:" + c.Email),
            c.UserId is null ? NoAccount : CategoryOf(c.UserId), StructuresOf(c.UserId), At(c.Hour), c.Count)));

        // The territory and structure-kind filters keep a contribution's structures that match, and the contribution
        // when one does. An observation whose author's account was deleted has no person: it counts, without a contributor.
        bool Kept(int id) => structures.TryGetValue(id, out var s)
            && (scope.TerritoryIds is null || s.TerritoryId is int t && scope.TerritoryIds.Contains(t))
            && (scope.KindId is null || s.KindId == scope.KindId);
        var filtered = scope.TerritoryIds is null && scope.KindId is null;
        all = all.Select(c => c with { StructureIds = [.. c.StructureIds.Where(Kept)] })
            .Where(c => filtered || c.StructureIds.Length > 0).ToList();
        all.AddRange(created.Select(h => new Contribution(Kind.SurveysCreated, null, "", [], At(h), 1)));
        all.AddRange(opened.Select(h => new Contribution(Kind.SurveysOpened, null, "", [], At(h), 1)));

        var attributed = all.Where(c => Attributed.Contains(c.Kind)).ToList();
        var buckets = new List<DateOnly>();
        for (var b = Bucket(scope.From, step); b <= scope.To; b = b.AddMonths(step == Step.Quarter ? 3 : 1)) buckets.Add(b);
        var allKinds = Enum.GetValues<Kind>();
        return new Mirror(Summarise("Total", all),
        [
            new("categories", ByCategory, "Catégorie d'acteur", Attributed,
                Groups(attributed, c => [c.Category], Enum.GetValues<ActorCategory>().Select(c => c.Label()).Append(NoActor).Append(NoAccount))),
            new("types-structure", ByStructureKind, "Type de structure", Attributed,
                Groups(attributed, c => c.StructureIds.Length == 0 ? [NoStructure] : c.StructureIds.Select(id => structures[id].KindLabel).Distinct(), [])),
            new("territoires", ByTerritory, "Territoire", Attributed,
                Groups(attributed, c => c.StructureIds.Length == 0 ? [NoStructure] : c.StructureIds.Select(id => structures[id].TerritoryLabel).Distinct(), [])),
            new("periodes", ByPeriod, step == Step.Quarter ? "Trimestre" : "Mois", allKinds,
                buckets.Select(b => Summarise(BucketLabel(b, step), all.Where(c => c.Bucket == b))).ToList()),
        ]);
    }

    /// <summary>
    /// Rows of the groups each contribution falls in (one or several), the <paramref name="listed"/> ones always shown in
    /// that order, then the others by French order.
    /// </summary>
    private static List<Row> Groups(List<Contribution> contributions, Func<Contribution, IEnumerable<string>> groupsOf, IEnumerable<string> listed)
    {
        var byGroup = contributions.SelectMany(c => groupsOf(c).Select(g => (Group: g, Contribution: c)))
            .GroupBy(x => x.Group, x => x.Contribution).ToDictionary(g => g.Key, g => g.ToList());
        var order = listed.ToList();
        var names = order.Concat(byGroup.Keys.Except(order).OrderBy(n => n == NoStructure).ThenBy(n => n, French.Order)).ToList();
        return names.Where(n => order.Contains(n) || byGroup.ContainsKey(n))
            .Select(n => Summarise(n, byGroup.GetValueOrDefault(n) ?? [])).ToList();
    }

    /// <summary>
    /// A count as published to this visitor. Members read exact counts. Outside the members' space a count under the
    /// threshold is « &lt; N » (<see cref="Suppression"/>, as on the public dashboard), and a group of fewer contributors
    /// than the threshold publishes none of its counts (« — »): a group of one person would otherwise show that person's activity.
    /// </summary>
    public static string Cell(Row row, int count, Suppression suppression, bool member) =>
        member ? count.ToString("N0", French.Culture)
        : suppression.Hides(row.Contributors) ? Withheld
        : suppression.Format(count);

    /// <summary>The count a bar is drawn to, or null when <see cref="Cell"/> does not publish it.</summary>
    public static int? Value(Row row, int count, Suppression suppression, bool member) =>
        member || !suppression.Hides(row.Contributors) && !suppression.Hides(count) ? count : null;

    /// <summary>The number of contributors as published (« &lt; N » under the threshold outside the members' space).</summary>
    public static string ContributorsCell(Row row, Suppression suppression, bool member) =>
        member ? row.Contributors.ToString("N0", French.Culture) : suppression.Format(row.Contributors);

    public const string Withheld = "—";

    private static Row Summarise(string label, IEnumerable<Contribution> contributions)
    {
        var counts = new int[Enum.GetValues<Kind>().Length];
        var people = new HashSet<string>();
        foreach (var c in contributions)
        {
            counts[(int)c.Kind] += c.Count;
            if (c.Person is not null) people.Add(c.Person);
        }
        return new Row(label, counts, people.Count);
    }
}
