using Observatoire.Web.Pages.Directory;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// What the directory kinds (structures, tools, territories, people) share: a line names its record by external
/// identifier, slug or name (in that order); a second line naming the same record is refused; the text columns go
/// through the directory form's own validation attributes; a record is written as property values, so « inchangée »
/// is decided by comparing them with what is stored.
/// </summary>
/// <param name="nameKey">What makes two records the same by name (a quartier's commune and name; by default the name).</param>
public abstract class DirectorySession<T>(ImportContext context, List<T> existing, string noun, bool feminine, Func<T, string>? nameKey = null)
    : ImportSession
    where T : class
{
    public const string IdColumn = "identifiant";
    public const string SlugColumn = "slug";

    protected ImportContext Context { get; } = context;
    private readonly Dictionary<int, T> _byId = existing.ToDictionary(e => Id(context.Db, e));
    private readonly Dictionary<string, T> _bySlug = existing.ToDictionary(e => (string)context.Db.Entry(e).Property("Slug").CurrentValue!);
    private readonly Dictionary<string, T> _byName = existing.GroupBy(e => TextKey.Of(nameKey?.Invoke(e) ?? NameOf(context.Db, e)))
        .ToDictionary(g => g.Key, g => g.First());
    private readonly Dictionary<(Type, string), object> _newValues = [];
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
    /// <param name="name">The record's name key (see the constructor's nameKey).</param>
    protected (T? Record, string? Refusal) Identify(ImportLine line, string name)
    {
        if (line[IdColumn] is { Length: > 200 }) return (null, "colonne « Identifiant » : au plus 200 caractères");
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
    /// <param name="key">The record's name key when it differs from its name (a quartier: commune and name).</param>
    protected LinePlan Decide(ImportLine line, T? record, string name, IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, string?> stored, string? key = null)
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
            _planned.TryAdd(TextKey.Of(key ?? name), created);
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

    /// <summary>A column naming a value of a reference list (a kind, a category, a territory…) and the record's properties it sets.</summary>
    /// <param name="What">How the message names it: « type », « catégorie », « territoire ».</param>
    /// <param name="MissingList">The list's name when an administrator may create a missing value with the import; null when not.</param>
    /// <param name="Create">Makes a new value from its name and slug (with <paramref name="MissingList"/>).</param>
    protected sealed record ReferenceColumn<TRef>(string Key, string What, bool Feminine, ReferenceMatcher<TRef> Matcher,
        string ForeignKey, string Navigation, Func<TRef, int> Id, Func<TRef, bool> Retired, Func<TRef, string> Label,
        string? MissingList = null, Func<string, string, TRef>? Create = null) where TRef : class;

    /// <summary>
    /// Resolves a reference column of the line, when the file has it: a blank cell clears the value; a known value is
    /// taken unless it is retired and not already the record's (as the forms offer); an unknown one is refused with a
    /// suggestion, or created when the user chose so.
    /// </summary>
    protected void Resolve<TRef>(ImportLine line, ReferenceColumn<TRef> column, int? current, Dictionary<string, object?> values,
        Dictionary<string, string?> stored, List<string> errors) where TRef : class
    {
        if (!line.Values.ContainsKey(column.Key)) return;
        if (line[column.Key] is not { } text)
        {
            values[column.ForeignKey] = null;
            return;
        }
        if (column.Matcher.Find(text) is { } found)
        {
            if (column.Retired(found) && column.Id(found) != current)
                errors.Add($"{column.What} « {column.Label(found)} » {(column.Feminine ? "retirée" : "retiré")} : choisissez une valeur en usage");
            values[column.ForeignKey] = column.Id(found);
            stored[column.Key] = column.Label(found);
            return;
        }
        var name = text.Trim();
        if (column.MissingList is { } list && column.Create is { } create && Context.CreateMissing.Contains(new MissingValue(list, name)))
        {
            var key = (typeof(TRef), TextKey.Of(name));
            if (!_newValues.TryGetValue(key, out var made)) _newValues[key] = made = create(name, Slug.From(name));
            values[column.Navigation] = made;
            stored[column.Key] = name;
            return;
        }
        if (column.MissingList is { } missing) ReportMissing(new MissingValue(missing, name));
        errors.Add(column.Matcher.Unknown(column.What, text, column.Feminine));
    }

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

    /// <summary>The free-text columns the file has, each into its property; a blank cell clears it.</summary>
    protected static void Texts(ImportLine line, Dictionary<string, object?> values, params (string Key, string Property)[] columns)
    {
        foreach (var (key, property) in columns)
            if (line.Values.ContainsKey(key)) values[property] = Clean(line[key]);
    }

    /// <summary>A blank cell is null, like a blank field on the forms (<see cref="DirectoryPages.Clean"/>).</summary>
    protected static string? Clean(string? s) => DirectoryPages.Clean(s);
}
