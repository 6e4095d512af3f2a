namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// Syntheses store the slugs of their territories, themes and audiences in their parameters: after a merge they name
/// the kept record, so the list of syntheses can still recompute their figures and say « données modifiées depuis ».
/// </summary>
public sealed class SynthesisMergeFollower : IMergeFollower
{
    public async Task FollowAsync(ObservatoireDbContext db, MergedRecords merged, CancellationToken ct)
    {
        if (merged.DuplicateSlug is not { } from || merged.KeptSlug is not { } to) return;
        Func<SynthesisRequest, string[]>? get = null;
        Action<SynthesisRequest, string[]>? set = null;
        if (merged.Entity == typeof(Territory)) (get, set) = (r => r.Territories, (r, v) => r.Territories = v);
        else if (merged.Entity == typeof(Theme)) (get, set) = (r => r.Themes, (r, v) => r.Themes = v);
        else if (merged.Entity == typeof(Audience)) (get, set) = (r => r.Audiences, (r, v) => r.Audiences = v);
        if (get is null || set is null) return;
        // Parameters only (never the PDF): a few hundred short JSON documents at most.
        var quoted = $"\"{from}\"";
        foreach (var synthesis in (await db.Syntheses.AsNoTracking().Select(s => new { s.Id, s.Parameters }).ToListAsync(ct))
                     .Where(s => s.Parameters.Contains(quoted, StringComparison.Ordinal)))
        {
            var request = SynthesisRequest.FromJson(synthesis.Parameters);
            if (!get(request).Contains(from)) continue;
            set(request, [.. get(request).Select(s => s == from ? to : s).Distinct()]);
            var json = request.ToJson();
            await db.Syntheses.Where(s => s.Id == synthesis.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Parameters, json), ct);
        }
    }
}
