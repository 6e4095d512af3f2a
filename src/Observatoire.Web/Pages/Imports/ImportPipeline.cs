using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.Web.Pages.Imports;

/// <summary>One line of a dry run or of an import's report.</summary>
public sealed record LineReport(int Line, LineOutcome Outcome, string Message);

/// <summary>
/// A dry run: what each line would do, the counts, the first lines as they would be stored, and the list values lines
/// name that do not exist. <see cref="Problem"/> is set when the file could not be planned at all (unreadable, a
/// required column not mapped); the lines are then empty.
/// </summary>
public sealed record DryRun(int Created, int Updated, int Unchanged, int Refused, List<LineReport> Lines,
    List<Dictionary<string, string?>> Preview, List<MissingValue> Missing, List<MissingValue> CreateMissing, string? Problem, string Digest)
{
    public int Total => Created + Updated + Unchanged + Refused;
}

/// <summary>
/// Reads a stored file through its mapping, plans every line with the kind's session, and (for a commit) writes the
/// planned lines in batches inside the caller's transaction. Planning never queries per line: sessions load their
/// lookups at start; writing saves once per <see cref="BatchSize"/> lines.
/// </summary>
public sealed class ImportPipeline(ObservatoireDbContext db)
{
    public const int BatchSize = 1000;
    /// <summary>Lines handed to <see cref="ImportSession.PrepareAsync"/> at a time.</summary>
    public const int PrepareSize = 1000;
    public const int PreviewLines = 10;
    /// <summary>Lines of a dry run kept for the page and the report: refused lines always, the others up to this many.</summary>
    public const int KeptLines = 5000;

    private static readonly JsonSerializerOptions Json = new();

    /// <summary>
    /// The column each header maps to: the mapping remembered for the kind when it knows the header, else the column
    /// whose label or alias matches (accents, case and punctuation ignored). A column is given to one header only.
    /// </summary>
    public static string?[] AutoMap(IReadOnlyList<string> header, ImportKind kind, IReadOnlyDictionary<string, string>? remembered)
    {
        var byHeader = kind.Columns.SelectMany(c => c.Headers.Select(h => (Header: TextKey.Of(h), Column: c.Key)))
            .GroupBy(x => x.Header).ToDictionary(g => g.Key, g => g.First().Column);
        var keys = kind.Columns.Select(c => c.Key).ToHashSet();
        var used = new HashSet<string>();
        return header.Select(h =>
        {
            var key = TextKey.Of(h);
            var column = remembered?.GetValueOrDefault(key) is { } r && keys.Contains(r) ? r : byHeader.GetValueOrDefault(key);
            return column is not null && used.Add(column) ? column : null;
        }).ToArray();
    }

    public static string?[] ReadMapping(ImportBatch batch) => JsonSerializer.Deserialize<string?[]>(batch.Mapping, Json) ?? [];
    public static string WriteMapping(IEnumerable<string?> mapping) => JsonSerializer.Serialize(mapping, Json);
    public static DryRun? ReadDryRun(ImportBatch batch) => batch.DryRun is null ? null : JsonSerializer.Deserialize<DryRun>(batch.DryRun, Json);

    /// <summary>The header of a stored file, or the French reason it cannot be read.</summary>
    public static (IReadOnlyList<string> Header, string? Problem) Header(ImportBatch batch)
    {
        try
        {
            using var reader = Open(batch);
            return (reader.Header, null);
        }
        catch (TabularFileException e)
        {
            return ([], e.Message);
        }
    }

    private static ITabularReader Open(ImportBatch batch) =>
        TabularFile.Open(new MemoryStream(batch.Content ?? throw new InvalidOperationException("The file of this import is gone.")),
            batch.FileName, TabularLimits.Default);

    /// <summary>Plans every line without writing anything.</summary>
    public Task<DryRun> PlanAsync(ImportBatch batch, ImportKind kind, ClaimsPrincipal user, IReadOnlyCollection<MissingValue> createMissing,
        CancellationToken ct) => RunAsync(batch, kind, user, createMissing, null, ct);

    /// <summary>
    /// Plans again and writes every line that is not refused, in batches, inside the caller's transaction. The
    /// journal is written to <see cref="ImportedRecord"/> and <see cref="ImportExternalId"/> as each batch is saved.
    /// </summary>
    public Task<DryRun> ApplyAsync(ImportBatch batch, ImportKind kind, ClaimsPrincipal user, IReadOnlyCollection<MissingValue> createMissing,
        CancellationToken ct) => RunAsync(batch, kind, user, createMissing, batch, ct);

    private async Task<DryRun> RunAsync(ImportBatch batch, ImportKind kind, ClaimsPrincipal user, IReadOnlyCollection<MissingValue> createMissing,
        ImportBatch? applying, CancellationToken ct)
    {
        var mapping = ReadMapping(batch);
        var missingColumns = kind.Columns.Where(c => c.Required && !mapping.Contains(c.Key)).Select(c => $"« {c.Label} »").ToList();
        if (missingColumns.Count > 0)
            return Failed($"Associez une colonne du fichier à {string.Join(", ", missingColumns)} : elle est obligatoire.", createMissing);

        // Not tracked: a re-import of a large file would otherwise track one entity per line; one is attached when it changes.
        var known = await db.ImportExternalIds.AsNoTracking().Where(x => x.Kind == kind.Slug).ToListAsync(ct);
        var context = new ImportContext(db, user, known.ToDictionary(x => x.ExternalId, x => x.RecordId),
            createMissing.ToHashSet());
        var session = await kind.StartAsync(context, ct);
        var journal = new ImportJournal();
        var external = known.ToDictionary(x => x.ExternalId);
        var counts = new int[4];
        var lines = new List<LineReport>();
        var preview = new List<Dictionary<string, string?>>();
        var pending = new List<LinePlan>();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            using var reader = Open(batch);
            // Lines go to the session a run at a time: it reads what they can match (PrepareAsync), then plans each.
            var run = new List<ImportLine>(PrepareSize);
            async Task PlanRunAsync()
            {
                await session.PrepareAsync(run, ct);
                foreach (var line in run)
                {
                    var plan = CellProblem(kind, line) is { } problem ? LinePlan.Refused(line, problem) : session.Plan(line);
                    counts[(int)plan.Outcome]++;
                    digest.AppendData(Encoding.UTF8.GetBytes($"{plan.Line}\u001f{plan.Outcome}\u001f{plan.Message}\u001e"));
                    if (plan.Outcome == LineOutcome.Refused || lines.Count < KeptLines)
                        lines.Add(new LineReport(plan.Line, plan.Outcome, plan.Message));
                    if (preview.Count < PreviewLines)
                        preview.Add(new Dictionary<string, string?>(plan.Stored) { ["#"] = plan.Line.ToString(CultureInfo.InvariantCulture) });
                    if (applying is null || plan.Outcome == LineOutcome.Refused) continue;
                    pending.Add(plan);
                    if (pending.Count >= BatchSize) await FlushAsync(session, pending, journal, applying, kind, external, ct);
                }
                run.Clear();
            }
            foreach (var row in reader.Rows)
            {
                var values = new Dictionary<string, string?>();
                for (var i = 0; i < mapping.Length; i++)
                    if (mapping[i] is { } key)
                        values[key] = i < row.Cells.Count ? row.Cells[i] : null;
                run.Add(new ImportLine(row.Line, values));
                if (run.Count >= PrepareSize) await PlanRunAsync();
            }
            await PlanRunAsync();
        }
        catch (TabularFileException e)
        {
            return Failed(e.Message, createMissing);
        }
        if (applying is not null)
        {
            await FlushAsync(session, pending, journal, applying, kind, external, ct);
            await session.CompleteAsync(ct);
        }
        return new DryRun(counts[0], counts[1], counts[2], counts[3], lines, preview,
            [.. session.Missing.OrderBy(m => m.List).ThenBy(m => m.Name)], [.. createMissing],
            null, Convert.ToHexString(digest.GetHashAndReset()));
    }

    /// <summary>
    /// The first cell of the line that <see cref="UserText"/> refuses (NUL, control characters, non-characters, bidi
    /// controls), said like the forms say it: the line is refused, never stored with the character silently taken out.
    /// </summary>
    private static string? CellProblem(ImportKind kind, ImportLine line)
    {
        foreach (var column in kind.Columns)
            if (UserText.Problem(line[column.Key]) is { } problem)
                return $"colonne « {column.Label} » : {problem}";
        return null;
    }

    private static DryRun Failed(string problem, IReadOnlyCollection<MissingValue> createMissing) =>
        new(0, 0, 0, 0, [], [], [], [.. createMissing], problem, "");

    private async Task FlushAsync(ImportSession session, List<LinePlan> pending, ImportJournal journal, ImportBatch batch, ImportKind kind,
        Dictionary<string, ImportExternalId> external, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        await session.ApplyAsync(pending, journal, ct);
        await db.SaveChangesAsync(ct);
        foreach (var (entity, created, before, externalId) in journal.Pending)
        {
            var entry = db.Entry(entity);
            // Responses have bigint keys (well within int for the records an import writes) and no xmin: they are never edited.
            var id = Convert.ToInt32(entry.Property("Id").CurrentValue, CultureInfo.InvariantCulture);
            var name = entry.Metadata.ClrType.Name;
            if (created || before is not null)
                db.ImportedRecords.Add(new ImportedRecord
                {
                    Batch = batch, Entity = name, RecordId = id, Created = created,
                    Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                    VersionAfter = entry.Metadata.FindProperty("Version") is null ? 0 : (uint)entry.Property("Version").CurrentValue!,
                });
            if (externalId is null) continue;
            if (external.TryGetValue(externalId, out var known)) Remember(known, name, id);
            else external[externalId] = db.ImportExternalIds.Add(new ImportExternalId { Kind = kind.Slug, ExternalId = externalId, Entity = name, RecordId = id }).Entity;
        }
        await WriteCopiedAsync(journal, batch, kind, external, ct);
        await db.SaveChangesAsync(ct);
        journal.Pending.Clear();
        journal.CopiedRows.Clear();
        pending.Clear();
    }

    /// <summary>An external identifier already known now names <paramref name="id"/> (the record it named was deleted, or this one is new).</summary>
    private void Remember(ImportExternalId known, string entity, int id)
    {
        if (db.Entry(known).State == EntityState.Detached) db.ImportExternalIds.Attach(known);
        known.Entity = entity;
        known.RecordId = id;
    }

    /// <summary>
    /// The journal of records a session copied in bulk, written set-wise: one <c>INSERT … SELECT</c> of their
    /// <see cref="ImportedRecord"/> rows (each with the xmin its row has now, read in the database) and one of their new
    /// external identifiers. The rows are those the context would have written for the same records.
    /// </summary>
    private async Task WriteCopiedAsync(ImportJournal journal, ImportBatch batch, ImportKind kind, Dictionary<string, ImportExternalId> external,
        CancellationToken ct)
    {
        foreach (var group in journal.CopiedRows.GroupBy(r => r.Entity))
        {
            var name = group.Key.Name;
            var table = db.Model.FindEntityType(group.Key)!.GetTableName();
            var ids = group.Select(r => r.Id).ToArray();
            // The table name comes from the model, never from the file; the ids are a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($$"""
                INSERT INTO "ImportedRecords" ("BatchId", "Entity", "RecordId", "Created", "Before", "VersionAfter")
                SELECT {0}, {1}, r."Id", true, NULL, r.xmin::text::bigint FROM "{{table}}" r WHERE r."Id" = ANY({2}) ORDER BY r."Id"
                """, [batch.Id, name, ids], ct);
#pragma warning restore EF1002
            var fresh = new List<(string ExternalId, int Id)>();
            foreach (var (_, id, externalId) in group)
            {
                if (externalId is null) continue;
                if (external.TryGetValue(externalId, out var known)) Remember(known, name, id);
                else fresh.Add((externalId, id));
            }
            if (fresh.Count > 0)
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ImportExternalIds" ("Kind", "ExternalId", "Entity", "RecordId")
                    SELECT {0}, x, {1}, id FROM unnest({2}, {3}) AS u(x, id)
                    """, [kind.Slug, name, fresh.Select(f => f.ExternalId).ToArray(), fresh.Select(f => f.Id).ToArray()], ct);
        }
    }

    public static string Serialize(DryRun run) => JsonSerializer.Serialize(run, Json);
}
