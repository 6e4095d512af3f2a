namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// A column an import kind reads. <paramref name="Key"/> is stable (mappings remembered per kind store it);
/// <paramref name="Label"/> is the French header the templates write; <paramref name="Aliases"/> are other headers
/// people put in their spreadsheets for the same thing (matched accent-, case- and punctuation-insensitively).
/// </summary>
public sealed record ImportColumn(string Key, string Label, string Description, string Example, bool Required = false,
    params string[] Aliases)
{
    /// <summary>Every header this column answers to: its label first, then its aliases.</summary>
    public IEnumerable<string> Headers => Aliases.Prepend(Label);

    /// <summary>Whether the kind's page and template show it; an unlisted column is only recognised in a file (an export's detail columns).</summary>
    public bool Listed { get; init; } = true;
}

public enum LineOutcome
{
    [Display(Name = "créée")] Created,
    [Display(Name = "modifiée")] Updated,
    [Display(Name = "inchangée")] Unchanged,
    [Display(Name = "refusée")] Refused,
}

/// <summary>One data line of the file, its cells keyed by the column they were mapped to (blank cells are null).</summary>
public sealed class ImportLine(int number, IReadOnlyDictionary<string, string?> values)
{
    /// <summary>The line number the user sees in their spreadsheet.</summary>
    public int Number { get; } = number;
    public IReadOnlyDictionary<string, string?> Values { get; } = values;
    public string? this[string key] => Values.TryGetValue(key, out var v) ? v : null;
}

/// <summary>
/// What a session decided for one line: its outcome, the French sentence said about it (without the « ligne N : »
/// prefix, which the pipeline adds), the values as they will be stored (for the preview, keyed like the columns) and
/// whatever the session needs to write it (<see cref="Payload"/>, opaque to the pipeline).
/// </summary>
public sealed record LinePlan(int Line, LineOutcome Outcome, string Message, IReadOnlyDictionary<string, string?> Stored,
    object? Payload = null)
{
    public static LinePlan Refused(ImportLine line, string message) => new(line.Number, LineOutcome.Refused, message, line.Values);
}

/// <summary>
/// One kind of import (structures, tools, territories, people, observations…). Kinds are singletons registered in DI
/// (<see cref="ImportServices"/>); each start of a dry run or a commit makes a fresh <see cref="ImportSession"/>.
/// </summary>
public abstract class ImportKind
{
    /// <summary>The route segment: <c>/import/structures</c>.</summary>
    public abstract string Slug { get; }
    /// <summary>« Structures », as the pages name the kind.</summary>
    public abstract string Name { get; }
    /// <summary>One sentence under the kind's name on /import.</summary>
    public abstract string Summary { get; }
    /// <summary>The policy (<see cref="Policies"/>) a user needs to import this kind: the one of the pages that create such records.</summary>
    public abstract string Policy { get; }
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>
    /// Every record of the kind as a file of this import reads it (one row per record, cells in <see cref="Columns"/>
    /// order), so that an export re-imported into another instance gives the same records; null when the kind has no export.
    /// </summary>
    public virtual Task<List<string?[]>?> ExportAsync(ObservatoireDbContext db, CancellationToken ct) => Task.FromResult<List<string?[]>?>(null);

    /// <summary>Whether anyone may download the export, as anyone may read the directory's lists; else members only.</summary>
    public virtual bool ExportIsPublic => true;

    /// <summary>Whether the user may create the missing list values with the import (the reference lists are for administrators).</summary>
    public virtual bool CanCreateMissing(ClaimsPrincipal user) => user.IsInRole(Roles.Administrateur);

    /// <summary>
    /// Loads what planning needs in a few queries (existing records by slug, name and external identifier, the
    /// reference lists) and returns the session that plans every line from memory and writes them in batches.
    /// </summary>
    public abstract Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct);
}

/// <summary>What a session is started with.</summary>
/// <param name="ExternalIds">External identifiers (« Identifiant » column) already known for this kind → record id.</param>
/// <param name="CreateMissing">Reference values the user chose to create with the import, by list name then normalised value name.</param>
public sealed record ImportContext(ObservatoireDbContext Db, ClaimsPrincipal User, IReadOnlyDictionary<string, int> ExternalIds,
    IReadOnlySet<MissingValue> CreateMissing);

/// <summary>A reference value a line names and the instance does not have (« Territoire » « Sanitass »).</summary>
/// <param name="List">The list's French name, as the page shows it (« Territoire », « Type de structure »).</param>
public sealed record MissingValue(string List, string Name);

/// <summary>
/// One pass over a file: <see cref="Plan"/> decides each line from the lookups loaded at start (no query per line),
/// in file order, remembering what earlier lines will create so a duplicate inside the file is refused;
/// <see cref="ApplyAsync"/> then writes a batch of planned lines into the context (no SaveChanges: the pipeline saves
/// each batch, then records in <see cref="ImportJournal"/> what each created or updated record looks like after).
/// </summary>
public abstract class ImportSession
{
    private readonly HashSet<MissingValue> _missing = [];

    /// <summary>Unknown reference values lines named, for the page to offer creating them (administrators only).</summary>
    public IReadOnlyCollection<MissingValue> Missing => _missing;

    protected void ReportMissing(MissingValue value) => _missing.Add(value);

    public abstract LinePlan Plan(ImportLine line);

    /// <summary>
    /// Called with each run of lines (<see cref="ImportPipeline.PrepareSize"/> at a time) before they are planned: a kind
    /// whose stored records are too many to load at start reads here the ones these lines can match, in one query.
    /// </summary>
    public virtual Task PrepareAsync(IReadOnlyList<ImportLine> lines, CancellationToken ct) => Task.CompletedTask;

    public abstract Task ApplyAsync(IReadOnlyList<LinePlan> batch, ImportJournal journal, CancellationToken ct);

    /// <summary>After the last batch is saved, before the transaction commits: what a kind does once for the whole file
    /// (observations bring the dashboard's rollups up to date in one pass).</summary>
    public virtual Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// What an import created and changed, filled by sessions while they apply a batch and written by the pipeline once
/// the batch is saved (ids and xmin versions are known then): it lets « Annuler cet import » delete the records it
/// created, restore the ones it changed, and refuse when any of them was edited since.
/// </summary>
public sealed class ImportJournal
{
    internal List<(object Entity, bool Created, Dictionary<string, object?>? Before, string? ExternalId)> Pending { get; } = [];

    /// <summary>Records a session wrote itself, by <c>COPY</c>, rather than through the context: their type, ids and external identifiers.</summary>
    internal List<(Type Entity, int Id, string? ExternalId)> CopiedRows { get; } = [];

    /// <summary>A record the batch adds; <paramref name="externalId"/> is remembered for later files.</summary>
    public void Created(object entity, string? externalId) => Pending.Add((entity, true, null, externalId));

    /// <summary>
    /// Records the batch created without the context (a bulk <c>COPY</c>, already in the database when the batch is
    /// saved); <paramref name="externalIds"/> is parallel to <paramref name="ids"/>.
    /// </summary>
    public void Copied<T>(IReadOnlyList<int> ids, IReadOnlyList<string?> externalIds) where T : class
    {
        for (var i = 0; i < ids.Count; i++) CopiedRows.Add((typeof(T), ids[i], externalIds[i]));
    }

    /// <summary>A record the batch changes, with its stored values before (call before changing it).</summary>
    public void Updated(ObservatoireDbContext db, object entity, string? externalId) =>
        Pending.Add((entity, false, Snapshot(db, entity), externalId));

    /// <summary>Prefix of the links kept in a snapshot beside the columns: « @Tools », « @Memberships ».</summary>
    internal const string LinksPrefix = "@";

    /// <summary>
    /// The columns a user's edit writes (neither the key nor what the database computes: xmin, search vectors), and the
    /// links an import may replace, when loaded: the ids of a many-to-many list (an observation's tools, themes,
    /// audiences) and the rows of a link table (a person's memberships, without the foreign key to the record).
    /// </summary>
    internal static Dictionary<string, object?> Snapshot(ObservatoireDbContext db, object entity)
    {
        var entry = db.Entry(entity);
        var values = entry.Properties
            .Where(p => !p.Metadata.IsKey() && p.Metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
            .ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
        foreach (var navigation in entry.Metadata.GetSkipNavigations())
            if (entry.Collection(navigation.Name) is { IsLoaded: true, CurrentValue: { } linked })
                values[LinksPrefix + navigation.Name] = linked.Cast<object>().Select(e => db.Entry(e).Property("Id").CurrentValue).ToList();
        foreach (var navigation in entry.Metadata.GetNavigations().Where(n => n.IsCollection && ImportUndo.IsLinkTable(n.TargetEntityType)))
            if (entry.Collection(navigation.Name) is { IsLoaded: true, CurrentValue: { } rows })
                values[LinksPrefix + navigation.Name] = rows.Cast<object>().Select(row => db.Entry(row).Properties
                        .Where(p => !navigation.ForeignKey.Properties.Contains(p.Metadata))
                        .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))
                    .ToList();
        return values;
    }

    /// <summary>A record the line names by an external identifier, unchanged: the identifier is still remembered.</summary>
    public void Named(object entity, string? externalId)
    {
        if (externalId is not null) Pending.Add((entity, false, null, externalId));
    }
}
