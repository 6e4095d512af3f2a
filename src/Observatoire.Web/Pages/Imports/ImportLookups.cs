namespace Observatoire.Web.Pages.Imports;

/// <summary>The reference lists as a session matches them, each loaded in one query (plus one for its old slugs).</summary>
public static class ImportLookups
{
    /// <summary>A list's values, those in use first (a retired value never hides a live one of the same name), and their old slugs.</summary>
    public static async Task<ReferenceMatcher<T>> MatcherAsync<T>(ObservatoireDbContext db, IQueryable<T> values, CancellationToken ct)
        where T : class, IReferenceValue
    {
        var all = await values.OrderBy(v => v.RetiredAt != null).ThenBy(v => v.SortOrder).ToListAsync(ct);
        return new ReferenceMatcher<T>(all, v => v.Name, v => v.Slug, await AliasesAsync(db, all, ct));
    }

    /// <summary>
    /// Territories by name, « Quartier (Commune) », « Commune › Quartier » or slug; a quartier's bare name finds it when
    /// no commune of that name exists and it is the first of that name (communes come first).
    /// </summary>
    public static async Task<ReferenceMatcher<Territory>> TerritoriesAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var all = await db.Territories.Include(t => t.Parent)
            .OrderBy(t => t.RetiredAt != null).ThenBy(t => t.ParentId != null).ThenBy(t => t.SortOrder).ToListAsync(ct);
        var qualified = all.Where(t => t.Parent is not null)
            .SelectMany(t => new[] { ($"{t.Name} ({t.Parent!.Name})", t), ($"{t.Parent!.Name} › {t.Name}", t) });
        return new ReferenceMatcher<Territory>(all, t => t.Name, t => t.Slug, qualified.Concat(await AliasesAsync(db, all, ct)));
    }

    public static bool IsRetired(Territory t) => t.RetiredAt is not null || t.Parent?.RetiredAt is not null;

    /// <summary>« Sanitas (Tours) » for a quartier, « Tours » for a commune: the name a file can give back unambiguously.</summary>
    public static string TerritoryName(Territory t) => Territory.Label(t.Name, t.Parent?.Name);

    /// <summary>The external identifiers a kind's files gave, by record id, for exports to give them back.</summary>
    public static async Task<Dictionary<int, string>> ExternalIdsAsync(ObservatoireDbContext db, string kind, CancellationToken ct) =>
        (await db.ImportExternalIds.AsNoTracking().Where(x => x.Kind == kind).Select(x => new { x.RecordId, x.ExternalId }).ToListAsync(ct))
        .GroupBy(x => x.RecordId).ToDictionary(g => g.Key, g => g.First().ExternalId);

    private static async Task<IEnumerable<(string, T)>> AliasesAsync<T>(ObservatoireDbContext db, List<T> values, CancellationToken ct)
        where T : class, IReferenceValue
    {
        var byId = values.ToDictionary(v => v.Id);
        var aliases = await db.SlugAliases.AsNoTracking().Where(a => a.Entity == typeof(T).Name).Select(a => new { a.Slug, a.TargetId }).ToListAsync(ct);
        return aliases.Where(a => byId.ContainsKey(a.TargetId)).Select(a => (a.Slug, byId[a.TargetId]));
    }
}
