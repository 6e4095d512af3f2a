using Observatoire.Web.Pages.Directory;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// What the directory kinds (structures, tools, territories, people) share: a line names its record by external
/// identifier, slug or name (in that order); a second line naming the same record is refused; the text columns go
/// through the directory form's own validation attributes; a record is written as property values, so « inchangée »
/// is decided by comparing them with what is stored.
/// </summary>
public abstract class DirectorySession<T>(ImportContext context, List<T> existing, string noun, bool feminine) : ImportSession
    where T : class
{
    public const string IdColumn = "identifiant";
    public const string SlugColumn = "slug";

    protected ImportContext Context { get; } = context;
    private readonly Dictionary<int, T> _byId = existing.ToDictionary(e => Id(context.Db, e));
    private readonly Dictionary<string, T> _bySlug = existing.ToDictionary(e => (string)context.Db.Entry(e).Property("Slug").CurrentValue!);
    private readonly Dictionary<string, T> _byName = existing.GroupBy(e => TextKey.Of(NameOf(context.Db, e))).ToDictionary(g => g.Key, g => g.First());
    private readonly HashSet<string> _takenSlugs = [.. existing.Select(e => (string)context.Db.Entry(e).Property("Slug").CurrentValue!), .. DirectoryPages.ReservedSlugs];
    /// <summary>Which line first named each record (existing by id, new by name), to refuse the next one.</summary>
    private readonly Dictionary<string, int> _seen = [];
    private readonly Dictionary<string, T> _planned = [];

    /// <summary>The record a later line of the file would meet under this name (created by an earlier line): a parent commune…</summary>
    protected T? FindPlannedOrExisting(string name) =>
        _byName.GetValueOrDefault(TextKey.Of(name)) ?? _planned.GetValueOrDefault(TextKey.Of(name));

    protected static int Id(ObservatoireDbContext db, T e) => (int)db.Entry(e).Property("Id").CurrentValue!;
    private static string NameOf(ObservatoireDbContext db, T e) =>
        (string)db.Entry(e).Property(db.Entry(e).Metadata.FindProperty("Name") is null ? "FullName" : "Name").CurrentValue!;

    /// <summary>The stored record this line is about, or null for a new one; a refusal when the line repeats an earlier one.</summary>
    protected (T? Record, string? Refusal) Identify(ImportLine line, string name)
    {
        T? record = null;
        if (line[IdColumn] is { } external && Context.ExternalIds.TryGetValue(external, out var id))
            record = _byId.GetValueOrDefault(id);
        if (record is null && line[SlugColumn] is { } slug)
            record = _bySlug.GetValueOrDefault(slug.Trim().ToLowerInvariant());
        record ??= _byName.GetValueOrDefault(TextKey.Of(name));
        var key = record is null ? "new:" + TextKey.Of(name) : "id:" + Id(Context.Db, record);
        if (_seen.TryGetValue(key, out var first))
            return (null, $"même {noun} que la ligne {first}");
        _seen[key] = line.Number;
        return (record, null);
    }

    /// <summary>
    /// The directory form's validation of <paramref name="input"/> (its DataAnnotations), each message prefixed by the
    /// column it comes from: « colonne « Site web » : Saisissez une adresse complète… ».
    /// </summary>
    protected string? Validate(object input, IReadOnlyDictionary<string, ImportColumn> columnOfProperty)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true)) return null;
        return string.Join(" ; ", results.Select(r =>
        {
            var column = r.MemberNames.Select(m => columnOfProperty.GetValueOrDefault(m)).FirstOrDefault(c => c is not null);
            return column is null ? r.ErrorMessage : $"colonne « {column.Label} » : {r.ErrorMessage}";
        }));
    }

    /// <summary>
    /// The plan of a line whose record and new values are known: unchanged when every value equals the stored one.
    /// <paramref name="values"/> maps property names to values; a value that is an entity sets a navigation (a list
    /// value created by this import).
    /// </summary>
    protected LinePlan Decide(ImportLine line, T? record, string name, IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, string?> stored)
    {
        var externalId = line[IdColumn];
        if (record is null)
        {
            // A slug the file gives is kept when free (an export re-imported keeps its addresses), else made from the name.
            var wanted = line[SlugColumn] is { } given ? Slug.From(given) : Slug.From(name);
            var slug = wanted;
            for (var n = 2; _takenSlugs.Contains(slug); n++) slug = $"{wanted}-{n}";
            _takenSlugs.Add(slug);
            var created = Create(name, slug);
            _planned.TryAdd(TextKey.Of(name), created);
            return new LinePlan(line.Number, LineOutcome.Created, $"{Article} {noun} « {name} » sera {(feminine ? "créée" : "créé")}",
                stored, new Change(created, true, values, externalId));
        }
        var entry = Context.Db.Entry(record);
        var changed = values.Any(v => v.Value is not null && !v.Value.GetType().IsValueType && v.Value is not string
            || !Equals(entry.Property(v.Key).CurrentValue, v.Value));
        return new LinePlan(line.Number, changed ? LineOutcome.Updated : LineOutcome.Unchanged,
            changed ? $"{Article} {noun} « {name} » sera {(feminine ? "modifiée" : "modifié")}" : $"{Article} {noun} « {name} » est à jour",
            stored, new Change(record, false, values, externalId));
    }

    private string Article => feminine ? "la" : "le";

    /// <summary>A new record with its required name and slug (the rest is written from the values).</summary>
    protected abstract T Create(string name, string slug);

    protected sealed record Change(T Record, bool Created, IReadOnlyDictionary<string, object?> Values, string? ExternalId);

    public override Task ApplyAsync(IReadOnlyList<LinePlan> batch, ImportJournal journal, CancellationToken ct)
    {
        var db = Context.Db;
        foreach (var plan in batch)
        {
            if (plan.Payload is not Change change) continue;
            if (plan.Outcome == LineOutcome.Unchanged)
            {
                journal.Named(change.Record, change.ExternalId);
                continue;
            }
            if (change.Created)
            {
                db.Add(change.Record);
                journal.Created(change.Record, change.ExternalId);
            }
            else journal.Updated(db, change.Record, change.ExternalId);
            var entry = db.Entry(change.Record);
            foreach (var (property, value) in change.Values)
            {
                if (value is not null && entry.Metadata.FindNavigation(property) is not null) entry.Reference(property).CurrentValue = value;
                else entry.Property(property).CurrentValue = value;
            }
            Written(change.Record, plan);
        }
        return Task.CompletedTask;
    }

    /// <summary>What a kind writes beyond the record's own columns (memberships…), once the record is in the context.</summary>
    protected virtual void Written(T record, LinePlan plan) { }

    /// <summary>A blank cell is null, like a blank field on the forms (<see cref="DirectoryPages.Clean"/>).</summary>
    protected static string? Clean(string? s) => DirectoryPages.Clean(s);
}
