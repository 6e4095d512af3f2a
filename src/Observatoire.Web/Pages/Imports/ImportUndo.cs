using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// « Annuler cet import »: deletes the records the import created and puts back the columns of those it changed, inside
/// the caller's transaction. Refused, with the reason, when any of them was edited since (its xmin is no longer the one
/// recorded right after the import), deleted since, or — for a record it created — is now used by another record
/// (an observation citing an imported structure); links of pure link tables (memberships) go with the record.
/// </summary>
public static class ImportUndo
{
    /// <returns>Null when undone, else the French reason it was refused.</returns>
    public static async Task<string?> RunAsync(ObservatoireDbContext db, int batchId, CancellationToken ct)
    {
        var records = await db.ImportedRecords.AsNoTracking().Where(r => r.BatchId == batchId).ToListAsync(ct);
        var problems = new List<string>();
        var work = new List<Func<Task>>();
        foreach (var group in records.GroupBy(r => r.Entity))
        {
            var type = db.Model.GetEntityTypes().First(e => e.ClrType.Name == group.Key && !e.IsOwned());
            var ids = group.Select(r => r.RecordId).ToArray();
            var loaded = await LoadAsync(db, type, ids, ct);
            foreach (var record in group)
            {
                if (!loaded.TryGetValue(record.RecordId, out var entity))
                {
                    problems.Add($"{Describe(type)} n° {record.RecordId} a été supprimé depuis");
                    continue;
                }
                var entry = db.Entry(entity);
                var label = (type.FindProperty("Name") ?? type.FindProperty("FullName") ?? type.FindProperty("Title")) is { } named
                    ? $"« {entry.Property(named.Name).CurrentValue} »" : $"{Describe(type)} n° {record.RecordId}";
                // A record without xmin (a survey response) is never edited once stored.
                if (type.FindProperty("Version") is not null && (uint)entry.Property("Version").CurrentValue! != record.VersionAfter)
                {
                    problems.Add($"{label} a été modifié depuis l'import");
                    continue;
                }
                if (record.Created)
                    work.Add(() =>
                    {
                        db.Remove(entity);
                        return Task.CompletedTask;
                    });
                else work.Add(() => RestoreAsync(db, entry, record.Before!, ct));
            }
            var created = group.Where(r => r.Created).Select(r => r.RecordId).ToArray();
            foreach (var fk in type.GetReferencingForeignKeys().Where(fk => created.Length > 0 && !IsLinkTable(fk.DeclaringEntityType)
                         && !IsOwnHistory(fk.DeclaringEntityType)))
            {
                var table = fk.DeclaringEntityType.GetTableName();
                var column = fk.Properties[0].GetColumnName();
                // The table and column names come from the model, never from the user; the ids are a parameter.
#pragma warning disable EF1002
                var used = await db.Database.SqlQueryRaw<int>(
                    $"SELECT count(*)::int AS \"Value\" FROM \"{table}\" WHERE \"{column}\" = ANY({{0}})", created).SingleAsync(ct);
#pragma warning restore EF1002
                if (used > 0)
                    problems.Add($"{used} {Describe(fk.DeclaringEntityType)} utilise{(used > 1 ? "nt" : "")} depuis un enregistrement créé par l'import");
            }
        }
        if (problems.Count > 0)
            return "Cet import ne peut plus être annulé : " + string.Join(" ; ", problems.Take(10)) + (problems.Count > 10 ? "…" : "")
                + ". Corrigez ces fiches à la main, ou importez un fichier corrigé.";
        foreach (var step in work) await step();
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Puts back the columns a snapshot kept, then the links it kept (<see cref="ImportJournal.Snapshot"/>).</summary>
    private static async Task RestoreAsync(ObservatoireDbContext db, EntityEntry entry, string snapshot, CancellationToken ct)
    {
        using var before = JsonDocument.Parse(snapshot);
        var type = entry.Metadata;
        foreach (var property in before.RootElement.EnumerateObject())
        {
            if (type.FindProperty(property.Name) is { } column)
            {
                entry.Property(column.Name).CurrentValue = property.Value.Deserialize(column.ClrType);
                continue;
            }
            if (!property.Name.StartsWith(ImportJournal.LinksPrefix, StringComparison.Ordinal)) continue;
            var name = property.Name[ImportJournal.LinksPrefix.Length..];
            var collection = entry.Collection(name);
            await collection.LoadAsync(ct);
            var list = (System.Collections.IList)collection.CurrentValue!;
            if (type.FindSkipNavigation(name) is { } skip)
            {
                var ids = property.Value.EnumerateArray().Select(e => e.GetInt32()).ToArray();
                var linked = await LoadAsync(db, skip.TargetEntityType, ids, ct);
                list.Clear();
                foreach (var id in ids)
                    if (linked.TryGetValue(id, out var value)) list.Add(value);
            }
            else if (type.FindNavigation(name) is { IsCollection: true } navigation)
            {
                // A link table's rows (memberships), matched by the rest of their key: kept ones get their values back,
                // rows the import added go, rows it removed come back.
                var target = navigation.TargetEntityType;
                var keyOf = target.FindPrimaryKey()!.Properties.Where(k => !navigation.ForeignKey.Properties.Contains(k)).ToList();
                var current = list.Cast<object>().ToDictionary(row => string.Join("|", keyOf.Select(k => db.Entry(row).Property(k.Name).CurrentValue)));
                foreach (var kept in property.Value.EnumerateArray())
                {
                    var key = string.Join("|", keyOf.Select(k => kept.GetProperty(k.Name).Deserialize(k.ClrType)));
                    var row = current.Remove(key, out var existing) ? existing : Activator.CreateInstance(target.ClrType)!;
                    var rowEntry = db.Entry(row);
                    foreach (var value in kept.EnumerateObject())
                        if (target.FindProperty(value.Name) is { } field && !(existing is not null && field.IsKey()))
                            rowEntry.Property(field.Name).CurrentValue = value.Value.Deserialize(field.ClrType);
                    if (existing is null) list.Add(row);
                }
                foreach (var added in current.Values)
                {
                    list.Remove(added);
                    db.Remove(added);
                }
            }
        }
    }

    /// <summary>An observation's history (its « Importée d'un fichier » entry first) goes with it, a response's answers too.</summary>
    private static bool IsOwnHistory(IEntityType type) => type.ClrType == typeof(ObservationChange) || type.ClrType == typeof(Answer);

    /// <summary>A table whose key is its two foreign keys (memberships): its rows belong to the records they link.</summary>
    internal static bool IsLinkTable(IEntityType type) =>
        type.FindPrimaryKey() is { Properties.Count: > 1 } key && key.Properties.All(p => p.IsForeignKey());

    private static string Describe(IReadOnlyTypeBase type) => type.ClrType.Name switch
    {
        nameof(Structure) => "structure",
        nameof(DigitalTool) => "outil",
        nameof(Territory) => "territoire",
        nameof(Actor) => "personne",
        nameof(Observation) => "observation",
        nameof(Response) => "réponse",
        _ => "enregistrement",
    };

    private static async Task<Dictionary<int, object>> LoadAsync(ObservatoireDbContext db, IEntityType type, int[] ids, CancellationToken ct)
    {
        var method = typeof(ImportUndo).GetMethod(nameof(LoadTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType);
        return await (Task<Dictionary<int, object>>)method.Invoke(null, [db, ids, ct])!;
    }

    private static async Task<Dictionary<int, object>> LoadTyped<T>(ObservatoireDbContext db, int[] ids, CancellationToken ct) where T : class
    {
        // Responses have bigint keys: compare as long, whatever the key's type.
        var wide = ids.Select(i => (long)i).ToArray();
        var rows = typeof(T).GetProperty("Id")!.PropertyType == typeof(long)
            ? await db.Set<T>().Where(e => wide.Contains(EF.Property<long>(e, "Id"))).ToListAsync(ct)
            : await db.Set<T>().Where(e => ids.Contains(EF.Property<int>(e, "Id"))).ToListAsync(ct);
        return rows.ToDictionary(e => Convert.ToInt32(db.Entry(e).Property("Id").CurrentValue, CultureInfo.InvariantCulture), e => (object)e);
    }
}
