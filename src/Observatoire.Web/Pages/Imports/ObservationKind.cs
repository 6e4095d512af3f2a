using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// Past observations from a spreadsheet, with the columns of the observations export (CSV or JSON keys), checked by the
/// observation form's own rules (<see cref="ObservationInput"/>'s attributes and <see cref="ObservationForm.Check"/>).
/// <list type="bullet">
/// <item>Coordination and Administrateur only: they are the ones who validate, so a « Validée » line is stored validated;
/// without a « Statut » column a line waits for validation (« Soumise »).</item>
/// <item>An unknown structure, territory, theme, audience or observer refuses the line with the closest name; an unknown
/// TOOL is created « à vérifier » (pending), as when a contributor types it in the form, so Coordination reviews it once.</item>
/// <item>Idempotent: « Numéro » (the export's number, an identifier of the SOURCE instance) is remembered as the external
/// identifier; without it, the natural key date + structure + territory + title finds the observation again. Either way
/// a line equal to what is stored is « inchangée », a different one updates it.</item>
/// </list>
/// </summary>
public sealed class ObservationKind : ImportKind
{
    public const string Number = "numero", Title = "titre", Date = "date", Status = "statut", Structure = "structure",
        Territory = "territoire", Tools = "outils", Themes = "themes", Audiences = "publics", Participants = "participants",
        Level = "niveau", WhatWorked = "fonctionne", Difficulties = "difficultes", Description = "description", Observer = "observateur";

    public override string Slug => "observations";
    public override string Name => "Observations";
    public override string Summary => "Des observations passées (validées ou à valider), avec leurs thèmes, publics et outils : les colonnes de l'export des observations.";
    public override string Policy => Policies.Coordination;

    /// <summary>Lines naming a value the lists lack are refused with the closest name: lists are completed on their own pages.</summary>
    public override bool CanCreateMissing(ClaimsPrincipal user) => false;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Number, "Numéro", "Le numéro de l'observation dans l'instance ou le fichier d'origine : un nouvel import du même numéro met à jour l'observation au lieu de la doubler.", "1042", false, "Identifiant", "Identifiant externe", "N°", "Id"),
        new(Title, "Titre", "Un titre court, au plus 200 caractères.", "Atelier CV en ligne", true, "Intitulé"),
        new(Date, "Date", "Le jour de l'observation (2026-03-14 ou 14/03/2026), ni dans le futur ni avant 2000.", "2026-03-14", true, "Date de l'observation", "Observée le"),
        new(Status, "Statut", "« Validée », « Soumise » (à valider) ou « Brouillon » ; sans cette colonne, « Soumise ».", "Validée", false, "État"),
        new(Structure, "Structure", "Le nom d'une structure de l'annuaire.", "Centre social Pluriel(le)", true, "Nom de la structure"),
        new(Territory, "Territoire", "Le nom d'un quartier ou d'une commune de la liste des territoires.", "Sanitas", true, "Quartier", "Commune", "Lieu"),
        new(Tools, "Outils", "Les outils, séparés par « , » ou « ; » ; un outil absent de l'annuaire est créé « à vérifier » par la coordination.", "Pix, France Travail", true, "Outil", "Outils numériques"),
        new(Themes, "Thèmes", "Au moins un thème de la liste, séparés par « , » ou « ; ».", "Emploi", true, "Thème", "Thematiques"),
        new(Audiences, "Publics", "Des publics de la liste, séparés par « , » ou « ; ».", "Demandeurs d'emploi", false, "Public"),
        new(Participants, "Participants", "Le nombre de participants, de 1 à 10 000.", "8", true, "Nombre de participants"),
        new(Level, "Niveau d'appropriation", "Le numéro (1 à 4) ou le nom d'un niveau, comme sur la page des niveaux.", "2 — Prise en main", true, "Niveau", "NiveauAppropriation"),
        new(WhatWorked, "Ce qui a bien fonctionné", "Au plus 8 000 caractères.", "Le binôme avec la conseillère.", false, "CeQuiAFonctionne", "Réussites"),
        new(Difficulties, "Difficultés", "Au plus 8 000 caractères.", "Connexion lente.", false, "Difficultés rencontrées"),
        new(Description, "Description", "Au plus 20 000 caractères, sans nommer les personnes accompagnées.", "Huit personnes ont créé leur CV.", false),
        new(Observer, "Observé par", "Le nom d'une personne de l'annuaire.", "Awa Diallo", false, "Observateur", "Observatrice", "ObservePar"),
    ];

    public override async Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var access = await ObservationAccess.LoadAsync(db, context.User, ct);
        var form = await ObservationForm.LoadAsync(db, access, new ObservationInput(), null, ct);
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Id).Select(s => new Named(s.Id, s.Name, s.Slug)).ToListAsync(ct);
        // Pending tools after listed ones: a name shared by both finds the listed tool.
        var tools = await db.DigitalTools.AsNoTracking().OrderBy(t => t.Status != ToolStatus.Listed).ThenBy(t => t.Id)
            .Select(t => new Named(t.Id, t.Name, t.Slug)).ToListAsync(ct);
        var actors = await db.Actors.AsNoTracking().OrderBy(a => a.Id).Select(a => new Named(a.Id, a.FullName, a.Slug)).ToListAsync(ct);
        var aliases = await db.SlugAliases.AsNoTracking()
            .Where(a => a.Entity == nameof(Domain.Structure) || a.Entity == nameof(DigitalTool) || a.Entity == nameof(Actor))
            .Select(a => new { a.Entity, a.Slug, a.TargetId }).ToListAsync(ct);

        ReferenceMatcher<Named> Matcher(List<Named> values, string entity)
        {
            var byId = values.ToDictionary(v => v.Id);
            return new ReferenceMatcher<Named>(values, v => v.Name, v => v.Slug,
                aliases.Where(a => a.Entity == entity && byId.ContainsKey(a.TargetId)).Select(a => (a.Slug, byId[a.TargetId])));
        }

        // Filled as the file is read (ObservationSession.PrepareAsync): only the observations its lines can match.
        var stored = new ObservationSnapshot.Stored([], []);
        var scale = await AppropriationScale.LoadAsync(db, ct);
        return new ObservationSession(db, access, form, scale, stored, context.ExternalIds,
            Matcher(structures, nameof(Domain.Structure)), await ImportLookups.TerritoriesAsync(db, ct),
            await ImportLookups.MatcherAsync(db, db.Themes, ct), await ImportLookups.MatcherAsync(db, db.Audiences, ct),
            Matcher(tools, nameof(DigitalTool)), Matcher(actors, nameof(Actor)));
    }
}

/// <summary>A value of a list as the import names it.</summary>
public sealed record Named(int Id, string Name, string Slug);

/// <summary>
/// What is stored of every observation, reduced to what a line is compared with: its natural key (date, structure,
/// territory, title), its short fields, and a digest of each long text, so a file is compared without keeping the
/// texts in memory.
/// </summary>
public static class ObservationSnapshot
{
    public readonly record struct Key(DateOnly Date, int StructureId, int TerritoryId, string Title);

    public static Key KeyOf(DateOnly date, int structureId, int territoryId, string title) =>
        new(date, structureId, territoryId, TextKey.Of(title));

    /// <summary>One observation as stored; the texts as <see cref="Digest"/>s; the id lists sorted.</summary>
    public sealed record Fields(string Title, DateOnly Date, int StructureId, int TerritoryId, ObservationStatus Status,
        int Participants, AppropriationLevel Level, int? ObserverId, Guid Description, Guid WhatWorked, Guid Difficulties,
        int[] Themes, int[] Audiences, int[] Tools)
    {
        /// <summary>The French names of the columns whose values differ, in the columns' order.</summary>
        public List<string> Differences(Fields other)
        {
            var changed = new List<string>();
            if (Title != other.Title) changed.Add("titre");
            if (Date != other.Date) changed.Add("date");
            if (Status != other.Status) changed.Add("statut");
            if (StructureId != other.StructureId) changed.Add("structure");
            if (TerritoryId != other.TerritoryId) changed.Add("territoire");
            if (!Tools.SequenceEqual(other.Tools)) changed.Add("outils");
            if (!Themes.SequenceEqual(other.Themes)) changed.Add("thèmes");
            if (!Audiences.SequenceEqual(other.Audiences)) changed.Add("publics");
            if (Participants != other.Participants) changed.Add("participants");
            if (Level != other.Level) changed.Add("niveau d'appropriation");
            if (WhatWorked != other.WhatWorked) changed.Add("ce qui a bien fonctionné");
            if (Difficulties != other.Difficulties) changed.Add("difficultés");
            if (Description != other.Description) changed.Add("description");
            if (ObserverId != other.ObserverId) changed.Add("observé par");
            return changed;
        }
    }

    public sealed record Stored(Dictionary<Key, int> ByKey, Dictionary<int, Fields> ById);

    /// <summary>
    /// Adds to <paramref name="stored"/> the observations of <paramref name="ids"/> and those whose date and structure (and
    /// territory, when given) are one of <paramref name="keys"/>: the ones a run of lines can find by number or by natural
    /// key (the title is compared in memory, accents and case ignored). One query, by index, whatever the table's size.
    /// An observation already in <paramref name="stored"/> is kept as it was first read.
    /// </summary>
    public static async Task LoadAsync(ObservatoireDbContext db, IReadOnlyCollection<int> ids,
        IReadOnlyCollection<(DateOnly Date, int StructureId, int? TerritoryId)> keys, Stored stored, CancellationToken ct)
    {
        if (ids.Count == 0 && keys.Count == 0) return;
        int[] idList = [.. ids];
        DateOnly[] dates = [.. keys.Select(k => k.Date)];
        int[] structures = [.. keys.Select(k => k.StructureId)];
        int?[] territories = [.. keys.Select(k => k.TerritoryId)];
        var candidates = db.Observations.FromSql($"""
            SELECT o.* FROM "Observations" o WHERE o."Id" = ANY({idList})
            UNION ALL
            SELECT o.* FROM "Observations" o
            JOIN (SELECT DISTINCT * FROM unnest({dates}, {structures}, {territories})) AS k(d, s, t)
              ON o."StructureId" = k.s AND o."ObservedOn" = k.d AND (k.t IS NULL OR o."TerritoryId" = k.t)
            """);
        // Streamed, in id order (the first of two same keys wins, as it always did): each row reduced to its key and digests.
        await foreach (var o in candidates.AsNoTracking().OrderBy(o => o.Id).Select(o => new
                       {
                           o.Id, o.Title, o.ObservedOn, o.StructureId, o.TerritoryId, o.Status, o.ParticipantsCount,
                           o.AppropriationLevel, o.ObserverId, o.Description, o.WhatWorked, o.Difficulties,
                           Themes = o.Themes.Select(t => t.Id).ToArray(), Audiences = o.Audiences.Select(a => a.Id).ToArray(),
                           Tools = o.Tools.Select(t => t.Id).ToArray(),
                       }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (stored.ById.ContainsKey(o.Id)) continue;
            stored.ByKey.TryAdd(KeyOf(o.ObservedOn, o.StructureId, o.TerritoryId, o.Title), o.Id);
            stored.ById[o.Id] = new Fields(o.Title, o.ObservedOn, o.StructureId, o.TerritoryId, o.Status, o.ParticipantsCount,
                o.AppropriationLevel, o.ObserverId, Digest(o.Description), Digest(o.WhatWorked), Digest(o.Difficulties),
                Sorted(o.Themes), Sorted(o.Audiences), Sorted(o.Tools));
        }
    }

    public static Guid Digest(string? text) =>
        string.IsNullOrEmpty(text) ? Guid.Empty : new Guid(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public static int[] Sorted(IEnumerable<int> ids) => ids.Distinct().Order().ToArray();
}

/// <summary>One pass over an observations file: every line planned from the lists loaded at start.</summary>
public sealed class ObservationSession(
    ObservatoireDbContext db, ObservationAccess access, ObservationForm form, AppropriationScale scale,
    ObservationSnapshot.Stored stored, IReadOnlyDictionary<string, int> externalIds,
    ReferenceMatcher<Named> structures, ReferenceMatcher<Territory> territories, ReferenceMatcher<Theme> themes,
    ReferenceMatcher<Audience> audiences, ReferenceMatcher<Named> tools, ReferenceMatcher<Named> observers) : ImportSession
{
    /// <summary>What <see cref="ApplyAsync"/> needs of a planned line.</summary>
    private sealed record Payload(int? ExistingId, string? ExternalId, ObservationSnapshot.Fields Fields, ObservationInput Input,
        IReadOnlyList<string> NewTools);

    private readonly DateOnly _today = ParisTime.Today(DateTime.UtcNow);
    private readonly Dictionary<string, int> _lineOfExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<ObservationSnapshot.Key, int> _lineOfKey = [];
    private readonly Dictionary<int, int> _lineOfExisting = [];
    // Tools a line names that the directory lacks: created pending, once, by the first batch that needs them.
    private readonly Dictionary<string, DigitalTool> _pendingTools = [];
    private readonly Dictionary<string, AppropriationLevel> _levels = LevelNames(scale);

    private static Dictionary<string, AppropriationLevel> LevelNames(AppropriationScale scale)
    {
        var names = new Dictionary<string, AppropriationLevel>();
        foreach (var level in scale.Levels)
        {
            names.TryAdd(((int)level).ToString(CultureInfo.InvariantCulture), level);
            names.TryAdd(TextKey.Of(scale.Label(level)), level);
            names.TryAdd(TextKey.Of(scale.Name(level)), level);
            // The portal's own words still read after an administrator rewords the scale (files made before).
            names.TryAdd(TextKey.Of(AppropriationLevelWording.Default(level).Name), level);
            names.TryAdd(TextKey.Of(AppropriationScale.Default.Label(level)), level);
        }
        return names;
    }

    private static readonly Dictionary<string, ObservationStatus> Statuses = new()
    {
        ["validee"] = ObservationStatus.Validated, ["valide"] = ObservationStatus.Validated,
        ["soumise"] = ObservationStatus.Submitted, ["soumis"] = ObservationStatus.Submitted,
        ["a valider"] = ObservationStatus.Submitted, ["brouillon"] = ObservationStatus.Draft,
    };

    /// <summary>
    /// Reads the stored observations this run of lines can match — by « Numéro » (a known external identifier) or by date,
    /// structure and territory — so that a file is compared with what it names, not with the whole table. The names
    /// are resolved as <see cref="Plan"/> resolves them; a line they do not resolve is refused there.
    /// </summary>
    public override Task PrepareAsync(IReadOnlyList<ImportLine> lines, CancellationToken ct)
    {
        var ids = new HashSet<int>();
        var keys = new HashSet<(DateOnly, int, int?)>();
        foreach (var line in lines)
        {
            if (CellValues.Text(line[ObservationKind.Number]) is { } number && externalIds.TryGetValue(number, out var known)
                && !stored.ById.ContainsKey(known))
                ids.Add(known);
            if (CellValues.Text(line[ObservationKind.Date]) is { } date && CellValues.TryDate(date, out var day)
                && CellValues.Text(line[ObservationKind.Structure]) is { } structure && structures.Find(structure) is { } s)
                keys.Add((day, s.Id, CellValues.Text(line[ObservationKind.Territory]) is { } territory && territories.Find(territory) is { } t
                    ? t.Id : null));
        }
        return ObservationSnapshot.LoadAsync(db, ids, keys, stored, ct);
    }

    public override LinePlan Plan(ImportLine line)
    {
        var errors = new List<string>();
        bool Mapped(string key) => line.Values.ContainsKey(key);
        string? Text(string key) => CellValues.Text(line[key]);

        var input = new ObservationInput { Title = Text(ObservationKind.Title), Description = Text(ObservationKind.Description),
            WhatWorked = Text(ObservationKind.WhatWorked), Difficulties = Text(ObservationKind.Difficulties) };
        if (Text(ObservationKind.Date) is { } dateText)
        {
            if (CellValues.TryDate(dateText, out var date)) input.ObservedOn = date;
            else errors.Add($"date « {dateText} » illisible : écrivez-la 2026-03-14 ou 14/03/2026");
        }
        ObservationStatus? status = null;
        if (Text(ObservationKind.Status) is { } statusText)
        {
            if (Statuses.TryGetValue(TextKey.Of(statusText), out var s)) status = s;
            else errors.Add($"statut « {statusText} » inconnu : écrivez « Validée », « Soumise » ou « Brouillon »");
        }
        input.StructureId = Find(structures, Text(ObservationKind.Structure), "structure", true, errors);
        input.TerritoryId = Find(territories, Text(ObservationKind.Territory), "territoire", false, errors);
        input.ThemeIds = FindAll(themes, Text(ObservationKind.Themes), "thème", errors);
        input.AudienceIds = FindAll(audiences, Text(ObservationKind.Audiences), "public", errors);
        var newTools = new List<string>();
        foreach (var name in CellValues.List(Text(ObservationKind.Tools)))
        {
            if (tools.Find(name) is { } tool) input.ToolIds.Add(tool.Id);
            else if (name.Length is < 2 or > 120) errors.Add($"outil « {name} » : le nom d'un outil fait de 2 à 120 caractères");
            else newTools.Add(name);
        }
        input.NewTools = newTools.Count == 0 ? null : string.Join(", ", newTools);
        if (Text(ObservationKind.Participants) is { } count)
        {
            if (CellValues.TryInteger(count, out var n)) input.ParticipantsCount = n;
            else errors.Add($"participants « {count} » : écrivez un nombre entier");
        }
        if (Text(ObservationKind.Level) is { } levelText)
        {
            if (_levels.TryGetValue(TextKey.Of(levelText), out var level)) input.AppropriationLevel = level;
            else errors.Add($"niveau d'appropriation « {levelText} » inconnu : écrivez son numéro (1 à 4) ou son nom, comme « {scale.Label(AppropriationLevel.Discovery)} »");
        }
        var observerId = Find(observers, Text(ObservationKind.Observer), "personne", true, errors);
        if (errors.Count > 0) return LinePlan.Refused(line, string.Join(" ; ", errors));

        // The form's own rules: the attributes of ObservationInput, then those that need the lists.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var messages = results.Select(r => r.ErrorMessage!).Concat(form.Check(input, toolsExist: true, _today).Select(e => e.Message))
            .Distinct().Select(Lower).ToList();
        if (messages.Count > 0) return LinePlan.Refused(line, string.Join(" ; ", messages));

        var key = ObservationSnapshot.KeyOf(input.ObservedOn!.Value, input.StructureId!.Value, input.TerritoryId!.Value, input.Title!);
        var externalId = Text(ObservationKind.Number);
        if (externalId is not null && _lineOfExternalId.TryGetValue(externalId, out var sameNumber))
            return LinePlan.Refused(line, $"même numéro « {externalId} » que la ligne {sameNumber}");
        if (_lineOfKey.TryGetValue(key, out var sameKey))
            return LinePlan.Refused(line, $"même observation que la ligne {sameKey} (même date, structure, territoire et titre)");
        int? existingId = externalId is not null && externalIds.TryGetValue(externalId, out var known) && stored.ById.ContainsKey(known)
            ? known : stored.ByKey.TryGetValue(key, out var natural) ? natural : null;
        if (existingId is int e && _lineOfExisting.TryGetValue(e, out var sameRecord))
            return LinePlan.Refused(line, $"même observation que la ligne {sameRecord}");
        if (externalId is not null) _lineOfExternalId[externalId] = line.Number;
        _lineOfKey[key] = line.Number;
        if (existingId is int id) _lineOfExisting[id] = line.Number;

        // A column the file does not have leaves what is stored as it is; a new observation waits for validation.
        var before = existingId is int i ? stored.ById[i] : null;
        var fields = new ObservationSnapshot.Fields(input.Title!.Trim(), input.ObservedOn.Value, input.StructureId.Value,
            input.TerritoryId.Value, status ?? (Mapped(ObservationKind.Status) ? null : before?.Status) ?? ObservationStatus.Submitted,
            input.ParticipantsCount!.Value, input.AppropriationLevel!.Value,
            Mapped(ObservationKind.Observer) || before is null ? observerId : before.ObserverId,
            Keep(ObservationKind.Description, input.Description?.Trim(), before?.Description),
            Keep(ObservationKind.WhatWorked, input.WhatWorked?.Trim(), before?.WhatWorked),
            Keep(ObservationKind.Difficulties, input.Difficulties?.Trim(), before?.Difficulties),
            ObservationSnapshot.Sorted(input.ThemeIds),
            Mapped(ObservationKind.Audiences) || before is null ? ObservationSnapshot.Sorted(input.AudienceIds) : before.Audiences,
            ObservationSnapshot.Sorted(input.ToolIds));
        Guid Keep(string column, string? text, Guid? old) =>
            Mapped(column) || old is null ? ObservationSnapshot.Digest(text) : old.Value;

        var storedValues = new Dictionary<string, string?>
        {
            [ObservationKind.Number] = externalId,
            [ObservationKind.Title] = fields.Title,
            [ObservationKind.Date] = fields.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ObservationKind.Status] = fields.Status.Label(),
            [ObservationKind.Structure] = structures.Find(Text(ObservationKind.Structure)!)!.Name,
            [ObservationKind.Territory] = ImportLookups.TerritoryName(territories.Find(Text(ObservationKind.Territory)!)!),
            [ObservationKind.Tools] = Names(tools, ObservationKind.Tools),
            [ObservationKind.Themes] = Names(themes, ObservationKind.Themes),
            [ObservationKind.Audiences] = Names(audiences, ObservationKind.Audiences),
            [ObservationKind.Participants] = fields.Participants.ToString(CultureInfo.InvariantCulture),
            [ObservationKind.Level] = scale.Label(fields.Level),
            [ObservationKind.WhatWorked] = input.WhatWorked?.Trim(),
            [ObservationKind.Difficulties] = input.Difficulties?.Trim(),
            [ObservationKind.Description] = input.Description?.Trim(),
            [ObservationKind.Observer] = observerId is null ? null : observers.Find(Text(ObservationKind.Observer)!)!.Name,
        };
        string Names<T>(ReferenceMatcher<T> matcher, string column) where T : class =>
            string.Join(", ", CellValues.List(Text(column)).Select(n => matcher.Find(n) is { } v ? NameOf(v) : n).Distinct());

        var payload = new Payload(existingId, externalId, fields, input, newTools);
        if (before is null)
        {
            var note = newTools.Count == 0 ? ""
                : $" ; {French.Plural(newTools.Count, "outil", "outils")} à vérifier par la coordination : {string.Join(", ", newTools.Select(t => Suggested(t)))}";
            return new LinePlan(line.Number, LineOutcome.Created, $"observation « {fields.Title} » créée{note}", storedValues, payload);
        }
        var changed = newTools.Count > 0 ? ["outils", .. before.Differences(fields).Where(c => c != "outils")] : before.Differences(fields);
        return changed.Count == 0
            ? new LinePlan(line.Number, LineOutcome.Unchanged, $"observation « {fields.Title} » inchangée", storedValues, payload)
            : new LinePlan(line.Number, LineOutcome.Updated, $"observation « {fields.Title} » modifiée : {string.Join(", ", changed)}", storedValues, payload);
    }

    /// <summary>« Pixx » (nouveau — vouliez-vous dire « Pix » ?)</summary>
    private string Suggested(string tool) =>
        tools.Suggest(tool) is { } close ? $"« {tool} » (vouliez-vous dire « {close} » ?)" : $"« {tool} »";

    private static string Lower(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.');

    private static int? Find<T>(ReferenceMatcher<T> matcher, string? text, string what, bool feminine, List<string> errors)
        where T : class
    {
        if (text is null) return null;
        if (matcher.Find(text) is { } found) return IdOf(found);
        errors.Add(matcher.Unknown(what, text, feminine));
        return null;
    }

    private static int IdOf(object value) => value switch
    {
        Named n => n.Id, IReferenceValue r => r.Id, _ => throw new ArgumentException(value.GetType().Name),
    };

    private static string NameOf(object value) => value switch
    {
        Named n => n.Name, IReferenceValue r => r.Name, _ => throw new ArgumentException(value.GetType().Name),
    };

    private static List<int> FindAll<T>(ReferenceMatcher<T> matcher, string? text, string what, List<string> errors) where T : class
    {
        var ids = new List<int>();
        foreach (var name in CellValues.List(text))
            if (Find(matcher, name, what, false, errors) is int id) ids.Add(id);
        return ids;
    }

    /// <summary>
    /// The analysis triggers refresh an observation's rollups once per row written: seven times for an observation with
    /// two themes, two audiences and two tools. An import sets <c>observatoire.skip_rollups</c> for its own transaction
    /// (the triggers' WHEN clause, migration SetWiseRollups), so they do not fire for its writes, and
    /// <see cref="CompleteAsync"/> brings the rollups of every observation it wrote up to date in one set-wise pass
    /// (<c>analysis_refresh_many</c>). Nothing is disabled for anyone else, and no table lock or ownership is needed.
    /// </summary>
    private const string SkipRollups = "SET LOCAL observatoire.skip_rollups = 'on'";

    /// <summary>
    /// A file whose first batch is full (more lines than one batch) is written in bulk: its new observations, their
    /// links and history by binary <c>COPY</c> rather than through EF Core. A smaller file goes through the context, as
    /// a form would write it; updated observations always do. Both give the same rows (ObservationBulkImportTests).
    /// </summary>
    public const int BulkFrom = ImportPipeline.BatchSize;

    private bool? _bulk;
    private bool _skipping;
    private readonly List<int> _written = [];
    private List<Observation> _created = [];
    private List<int> _updated = [];

    /// <summary>
    /// Stops tracking what the previous batch wrote (saved and journaled by then: the observations, their links and
    /// history, the pipeline's rows about them), so the context holds one batch at a time: saving the hundredth batch
    /// costs what the first did, and memory stays bounded whatever the file's length.
    /// </summary>
    private void Forget(HashSet<int> observationIds)
    {
        if (observationIds.Count == 0) return;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var done = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && e.Entity switch
            {
                Observation o => observationIds.Contains(o.Id),
                ObservationChange c => observationIds.Contains(c.ObservationId),
                ImportedRecord r => r.Entity == nameof(Observation) && observationIds.Contains(r.RecordId),
                ImportExternalId x => x.Entity == nameof(Observation) && observationIds.Contains(x.RecordId),
                Dictionary<string, object> link => link.TryGetValue("ObservationId", out var id) && observationIds.Contains((int)id),
                _ => false,
            }).ToList();
            foreach (var entry in done) entry.State = EntityState.Detached;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task ApplyAsync(IReadOnlyList<LinePlan> batch, ImportJournal journal, CancellationToken ct)
    {
        _bulk ??= batch.Count >= BulkFrom;
        var lines = batch.Where(p => p.Outcome is LineOutcome.Created or LineOutcome.Updated).Select(p => (Payload)p.Payload!).ToList();
        if (lines.Count == 0) return;
        if (!_skipping)
        {
            await db.Database.ExecuteSqlRawAsync(SkipRollups, ct);
            _skipping = true;
        }
        // The previous batch is saved: its new observations have their ids now.
        var previous = _created.Select(o => o.Id).Concat(_updated).ToHashSet();
        _written.AddRange(previous);
        Forget(previous);
        _created = [];
        _updated = lines.Where(l => l.ExistingId is not null).Select(l => l.ExistingId!.Value).ToList();
        var copied = _bulk == true ? lines.Where(l => l.ExistingId is null).ToList() : [];
        if (copied.Count > 0)
        {
            await CopyAsync(copied, journal, ct);
            lines = lines.Where(l => l.ExistingId is not null).ToList();
            if (lines.Count == 0) return;
        }
        // One query per list for the whole batch; instances already tracked come back as they are.
        var themeIds = lines.SelectMany(l => l.Fields.Themes).Distinct().ToList();
        var audienceIds = lines.SelectMany(l => l.Fields.Audiences).Distinct().ToList();
        var toolIds = lines.SelectMany(l => l.Fields.Tools)
            .Concat(_pendingTools.Values.Where(t => t.Id != 0).Select(t => t.Id)).Distinct().ToList();
        var themeById = (await db.Themes.Where(t => themeIds.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id);
        var audienceById = (await db.Audiences.Where(a => audienceIds.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
        var toolById = (await db.DigitalTools.Where(t => toolIds.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id);
        var existingIds = lines.Where(l => l.ExistingId is not null).Select(l => l.ExistingId!.Value).ToList();
        var existing = existingIds.Count == 0 ? []
            : await db.Observations.Include(o => o.Themes).Include(o => o.Audiences).Include(o => o.Tools)
                .Where(o => existingIds.Contains(o.Id)).AsSplitQuery().ToDictionaryAsync(o => o.Id, ct);
        var now = DateTime.UtcNow;

        foreach (var line in lines)
        {
            var f = line.Fields;
            Observation o;
            if (line.ExistingId is int id)
            {
                o = existing[id];
                journal.Updated(db, o, line.ExternalId);
                db.ObservationChanges.Add(ObservationForm.Change(o, access.UserId, access.DisplayName, ObservationChangeKind.Edited,
                    comment: UpdatedComment));
            }
            else
            {
                o = new Observation { Title = f.Title, CreatedById = access.UserId, CreatedAt = now };
                db.Observations.Add(o);
                _created.Add(o);
                journal.Created(o, line.ExternalId);
                db.ObservationChanges.Add(ObservationForm.Change(o, access.UserId, access.DisplayName, ObservationChangeKind.Created,
                    comment: CreatedComment));
            }
            o.Title = f.Title;
            o.ObservedOn = f.Date;
            o.StructureId = f.StructureId;
            o.TerritoryId = f.TerritoryId;
            o.ParticipantsCount = f.Participants;
            o.AppropriationLevel = f.Level;
            o.ObserverId = f.ObserverId;
            // A column the file lacks keeps the stored text: its digest is then the stored one.
            if (ObservationSnapshot.Digest(line.Input.Description?.Trim()) == f.Description) o.Description = line.Input.Description?.Trim() ?? "";
            if (ObservationSnapshot.Digest(line.Input.WhatWorked?.Trim()) == f.WhatWorked) o.WhatWorked = Blank(line.Input.WhatWorked);
            if (ObservationSnapshot.Digest(line.Input.Difficulties?.Trim()) == f.Difficulties) o.Difficulties = Blank(line.Input.Difficulties);
            o.UpdatedAt = now;
            if (o.Status != f.Status && f.Status == ObservationStatus.Validated) o.ValidatedAt = now;
            o.Status = f.Status;

            var tools = f.Tools.Select(t => toolById[t]).ToList();
            foreach (var name in line.NewTools)
            {
                var tool = PendingTool(name);
                if (tool.Id != 0) tool = toolById[tool.Id];
                if (!tools.Contains(tool)) tools.Add(tool);
            }
            Replace(o.Tools, tools);
            Replace(o.Themes, f.Themes.Select(t => themeById[t]).ToList());
            Replace(o.Audiences, f.Audiences.Select(a => audienceById[a]).ToList());
        }
    }

    private const string CreatedComment = "Importée d'un fichier.", UpdatedComment = "Mise à jour par un import de fichier.";

    /// <summary>The pending tool a line names by a name the directory lacks: created once, by the first batch that needs it.</summary>
    private DigitalTool PendingTool(string name)
    {
        var key = TextKey.Of(name);
        if (_pendingTools.TryGetValue(key, out var tool)) return tool;
        // Category and licence stay unknown until Coordination checks the tool, as from the form.
        tool = new DigitalTool { Name = name, Slug = Infrastructure.Slug.From(name), Status = ToolStatus.Pending };
        db.DigitalTools.Add(tool);
        return _pendingTools[key] = tool;
    }

    /// <summary>
    /// Writes new observations with binary <c>COPY</c>, exactly the rows the context writes for them (the loop of
    /// <see cref="ApplyAsync"/>): ids taken from the table's sequence in one query, then the observations, their
    /// themes, audiences and tools, and their « Importée d'un fichier. » history entry; the pipeline journals them.
    /// New pending tools are saved first, so that the links can name them.
    /// </summary>
    private async Task CopyAsync(List<Payload> lines, ImportJournal journal, CancellationToken ct)
    {
        var newTools = lines.Select(l => l.NewTools.Select(PendingTool).ToList()).ToList();
        if (_pendingTools.Values.Any(t => t.Id == 0)) await db.SaveChangesAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = new List<int>(lines.Count);
        await using (var next = new NpgsqlCommand(
            """SELECT nextval(pg_get_serial_sequence('"Observations"', 'Id'))::int FROM generate_series(1, $1) ORDER BY 1""", connection))
        {
            next.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Count });
            await using var reader = await next.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt32(0));
        }
        var now = DateTime.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Observations" ("Id", "Title", "ObservedOn", "StructureId", "TerritoryId", "ParticipantsCount", "Description",
              "WhatWorked", "Difficulties", "AppropriationLevel", "ObserverId", "CreatedById", "Status", "CreatedAt", "UpdatedAt",
              "ValidatedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var (f, input) = (lines[i].Fields, lines[i].Input);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(f.Title, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Date, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(f.StructureId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(f.TerritoryId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(f.Participants, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(input.Description?.Trim() ?? "", NpgsqlDbType.Varchar, ct);
                await WriteNullable(copy, Blank(input.WhatWorked), NpgsqlDbType.Varchar, ct);
                await WriteNullable(copy, Blank(input.Difficulties), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Level.ExternalName(), NpgsqlDbType.Varchar, ct);
                await WriteNullable(copy, f.ObserverId, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, access.UserId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(f.Status.ExternalName(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await WriteNullable(copy, f.Status == ObservationStatus.Validated ? now : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await CopyLinksAsync(connection, """COPY "ObservationThemes" ("ObservationId", "ThemesId") FROM STDIN (FORMAT BINARY)""",
            ids, lines.Select(l => (IEnumerable<int>)l.Fields.Themes).ToList(), ct);
        await CopyLinksAsync(connection, """COPY "ObservationAudiences" ("ObservationId", "AudiencesId") FROM STDIN (FORMAT BINARY)""",
            ids, lines.Select(l => (IEnumerable<int>)l.Fields.Audiences).ToList(), ct);
        await CopyLinksAsync(connection, """COPY "ObservationTools" ("ObservationId", "ToolsId") FROM STDIN (FORMAT BINARY)""",
            ids, lines.Select((l, i) => l.Fields.Tools.Concat(newTools[i].Select(t => t.Id))).ToList(), ct);
        var at = DateTime.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "ObservationChanges" ("ObservationId", "At", "UserId", "UserName", "Kind", "Comment", "Changes") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var id in ids)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await WriteNullable(copy, access.UserId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(access.DisplayName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(ObservationChangeKind.Created.ExternalName(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(CreatedComment, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("[]", NpgsqlDbType.Jsonb, ct);
            }
            await copy.CompleteAsync(ct);
        }
        _written.AddRange(ids);
        journal.Copied<Observation>(ids, lines.Select(l => l.ExternalId).ToList());
    }

    private static async Task CopyLinksAsync(NpgsqlConnection connection, string command, List<int> ids, List<IEnumerable<int>> targets,
        CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(command, ct);
        for (var i = 0; i < ids.Count; i++)
            foreach (var target in targets[i].Distinct())
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(target, NpgsqlDbType.Integer, ct);
            }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value.Value, type, ct);
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        if (!_skipping) return;
        _written.AddRange(_created.Select(o => o.Id).Concat(_updated));
        await db.Database.ExecuteSqlRawAsync("SET LOCAL observatoire.skip_rollups = 'off'", ct);
        await db.Database.ExecuteSqlRawAsync("SELECT analysis_refresh_many({0})", [_written.Distinct().ToArray()], ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Replace<T>(List<T> current, List<T> wanted)
    {
        current.RemoveAll(x => !wanted.Contains(x));
        current.AddRange(wanted.Where(x => !current.Contains(x)));
    }
}
