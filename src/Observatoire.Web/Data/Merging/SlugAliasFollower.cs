namespace Observatoire.Web.Data;

/// <summary>
/// The duplicate's address now leads to the kept record (<c>/annuaire/outils/etherpad</c> → <c>…/framapad</c>), and so
/// do the addresses that already led to the duplicate.
/// </summary>
public sealed class SlugAliasFollower(TimeProvider clock) : IMergeFollower
{
    public async Task FollowAsync(ObservatoireDbContext db, MergedRecords merged, CancellationToken ct)
    {
        if (merged.DuplicateSlug is null) return;
        var entity = merged.Entity.Name;
        await db.SlugAliases.Where(a => a.Entity == entity && a.TargetId == merged.DuplicateId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TargetId, merged.KeptId), ct);
        // The kept record's own slug can no longer be an alias of anything.
        await db.SlugAliases.Where(a => a.Entity == entity && a.Slug == merged.KeptSlug).ExecuteDeleteAsync(ct);
        if (!await db.SlugAliases.AnyAsync(a => a.Entity == entity && a.Slug == merged.DuplicateSlug, ct))
            db.SlugAliases.Add(new SlugAlias
            {
                Entity = entity, Slug = merged.DuplicateSlug, TargetId = merged.KeptId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The id an old address now stands for, or null.</summary>
    public static Task<int?> ResolveAsync<T>(ObservatoireDbContext db, string slug, CancellationToken ct) =>
        db.SlugAliases.Where(a => a.Entity == typeof(T).Name && a.Slug == slug).Select(a => (int?)a.TargetId).FirstOrDefaultAsync(ct);
}
