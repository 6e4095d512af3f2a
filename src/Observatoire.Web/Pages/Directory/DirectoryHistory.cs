using Observatoire.Web.Data.Configurations;

namespace Observatoire.Web.Pages.Directory;

/// <summary>
/// Records who changed which field of a directory record, and reads it back for the « historique » pages.
/// Rows are added to the same context as the change, so they are saved (or rolled back) with it.
/// </summary>
public static class DirectoryHistory
{
    public const int PageSize = 50;

    public sealed record Author(string? UserId, string Name);

    public sealed record Field(string Label, string? Before, string? After);

    public static async Task<Author> AuthorAsync(ObservatoireDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new Author(userId, name ?? user.Identity?.Name ?? "?");
    }

    public static async Task<Dictionary<string, string?>> SnapshotAsync(ObservatoireDbContext db, Structure s, CancellationToken ct) => new()
    {
        ["Nom"] = s.Name,
        ["Type"] = await ValueName(db.StructureKinds, s.KindId, ct),
        ["Territoire"] = await TerritoryName(db, s.TerritoryId, ct),
        ["Adresse"] = s.Address,
        ["Site web"] = s.Website,
        ["Courriel"] = s.Email,
        ["Description"] = s.Description,
    };

    public static async Task<Dictionary<string, string?>> SnapshotAsync(ObservatoireDbContext db, DigitalTool t, CancellationToken ct) => new()
    {
        ["Nom"] = t.Name,
        ["Catégorie"] = await ValueName(db.ToolCategories, t.CategoryId, ct),
        ["Licence"] = await ValueName(db.Licences, t.LicenceId, ct),
        ["Statut"] = t.Status.Label(),
        ["Site web"] = t.Website,
        ["Description"] = t.Description,
    };

    public static async Task<Dictionary<string, string?>> SnapshotAsync(ObservatoireDbContext db, Territory t, CancellationToken ct) => new()
    {
        ["Nom"] = t.Name,
        ["Type"] = t.Kind.Label(),
        ["Commune"] = await TerritoryName(db, t.ParentId, ct),
        ["Description"] = t.Description,
    };

    public static Dictionary<string, string?> Snapshot(Actor a) => new()
    {
        ["Nom"] = a.FullName,
        ["Catégorie"] = a.Category.Label(),
        ["Fonction"] = a.JobTitle,
        ["Courriel"] = a.Email,
        ["Téléphone"] = a.Phone,
        ["Présentation"] = a.Bio,
    };

    /// <summary>A membership as people read it in the history: the structure and the role held there.</summary>
    public static string Membership(string structure, string role) => $"{structure} — {role}";

    public static List<Field> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value)
            .Select(a => new Field(a.Key, before.GetValueOrDefault(a.Key), a.Value))
            .ToList();

    /// <summary>Adds one row per field to the context; the caller's SaveChanges writes them with the change itself.</summary>
    public static void Record(ObservatoireDbContext db, Author who, DirectoryRecordKind record, int recordId,
        DirectoryChangeKind kind, IEnumerable<Field> fields, DateTime? at = null)
    {
        // One timestamp for the whole save, so the history page shows its fields together.
        var when = at ?? DateTime.UtcNow;
        foreach (var f in fields)
            db.DirectoryChanges.Add(new DirectoryChange
            {
                RecordKind = record, RecordId = recordId, Kind = kind, Field = f.Label,
                Before = Bound(f.Before), After = Bound(f.After), At = when, UserId = who.UserId, UserName = who.Name,
            });
    }

    /// <summary>
    /// Saves a directory form: a new record gets one « création » row (its id exists only once inserted, hence the
    /// transaction around two saves); an edited one gets a row per changed field. When someone else saved the record
    /// meanwhile, nothing is written and the version now stored is returned, for the form to show the conflict.
    /// </summary>
    public static async Task<uint?> SaveAsync(ObservatoireDbContext db, ClaimsPrincipal user, DirectoryRecordKind record,
        bool created, Func<int> recordId, string name, IReadOnlyList<Field> changes, IQueryable<uint> storedVersion,
        CancellationToken ct)
    {
        var who = await AuthorAsync(db, user, ct);
        try
        {
            await SaveAsync(db, who, record, created, recordId, name, changes, ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await storedVersion.FirstOrDefaultAsync(ct);
        }
    }

    private static async Task SaveAsync(ObservatoireDbContext db, Author who, DirectoryRecordKind record, bool created,
        Func<int> recordId, string name, IReadOnlyList<Field> changes, CancellationToken ct)
    {
        if (!created)
        {
            Record(db, who, record, recordId(), DirectoryChangeKind.Edited, changes);
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        Record(db, who, record, recordId(), DirectoryChangeKind.Created, [new Field("Fiche créée", null, name)]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public sealed record Row(long Id, DateTime At, string UserName, DirectoryChangeKind Kind, string Field, string? Before, string? After);

    /// <summary>The rows of one save, shown together.</summary>
    public sealed record Entry(DateTime At, string UserName, DirectoryChangeKind Kind, List<Row> Fields);

    public sealed class View
    {
        public required string Title { get; init; }
        public required string BackUrl { get; init; }
        public required string BackLabel { get; init; }
        public required string Url { get; init; }
        public required IReadOnlyList<Entry> Entries { get; init; }
        public int PageShown { get; init; }
        public int Pages { get; init; }
    }

    /// <summary>One page of a record's history, newest first, <see cref="PageSize"/> rows a page.</summary>
    public static async Task<View> LoadAsync(ObservatoireDbContext db, DirectoryRecordKind record, int recordId, int page,
        string title, string url, string backLabel, CancellationToken ct)
    {
        var rows = db.DirectoryChanges.AsNoTracking().Where(c => c.RecordKind == record && c.RecordId == recordId);
        var count = await rows.CountAsync(ct);
        var pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 1, pages);
        var list = await rows.OrderByDescending(c => c.At).ThenBy(c => c.Id)
            .Skip((shown - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.At, c.UserName, c.Kind, c.Field, c.Before, c.After)).ToListAsync(ct);
        var entries = new List<Entry>();
        foreach (var r in list)
        {
            if (entries.Count > 0 && entries[^1] is var last && last.At == r.At && last.UserName == r.UserName && last.Kind == r.Kind)
                last.Fields.Add(r);
            else
                entries.Add(new Entry(r.At, r.UserName, r.Kind, [r]));
        }
        return new View
        {
            Title = title, BackUrl = url, BackLabel = backLabel, Url = url + "/historique",
            Entries = entries, PageShown = shown, Pages = pages,
        };
    }

    private static async Task<string?> TerritoryName(ObservatoireDbContext db, int? id, CancellationToken ct) =>
        id is null ? null : await db.Territories.Where(t => t.Id == id)
            .Select(t => Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name)).FirstOrDefaultAsync(ct);

    /// <summary>The name of a list's value as the history keeps it: the name it had then, « (retiré) » if it was.</summary>
    private static async Task<string?> ValueName<T>(IQueryable<T> values, int? id, CancellationToken ct) where T : class, IReferenceValue =>
        id is null ? null
            : await values.Where(v => v.Id == id).Select(v => new { v.Name, v.RetiredAt }).FirstOrDefaultAsync(ct) is { } v
                ? ReferenceValues.Of(v.Name, v.RetiredAt) : null;

    private static string? Bound(string? value) =>
        value is { Length: > DirectoryChangeConfiguration.ValueLength } ? value[..DirectoryChangeConfiguration.ValueLength] : value;
}
