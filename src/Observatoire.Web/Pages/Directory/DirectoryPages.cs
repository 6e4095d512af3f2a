using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Watch;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Directory;

/// <summary>Helpers the directory pages share.</summary>
public static class DirectoryPages
{
    /// <summary>An ILIKE pattern matching <paramref name="text"/> anywhere, with its wildcards taken literally.</summary>
    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Slugs the directory's own routes use: a record may not take them.</summary>
    public static readonly string[] ReservedSlugs = ["nouveau", "nouvelle", "modifier", "fusionner"];

    /// <summary>Blank optional fields are stored as null, so clearing a field reads as one change in the history.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// The entity a directory form writes into: the record loaded, checked against the version the form was opened
    /// with (xmin), or a new one added under a free slug.
    /// </summary>
    public static async Task<T> TargetAsync<T>(ObservatoireDbContext db, T? loaded, uint version, string name, Func<string, T> create)
        where T : class
    {
        if (loaded is not null)
        {
            db.Entry(loaded).Property<uint>("Version").OriginalValue = version;
            return loaded;
        }
        var slug = await Slug.UniqueAsync(name, s => Task.FromResult(
            ReservedSlugs.Contains(s) || db.Set<T>().Any(x => EF.Property<string>(x, "Slug") == s)));
        return db.Add(create(slug)).Entity;
    }

    /// <summary>The tools these observations cite, most cited first; the <paramref name="most"/> first when given.</summary>
    public static async Task<List<(string Slug, string Name, int Count)>> ToolsCitedAsync(IQueryable<Observation> observations,
        CancellationToken ct, int? most = null)
    {
        var tools = observations.SelectMany(o => o.Tools).GroupBy(t => new { t.Slug, t.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Name);
        return (await (most is int n ? tools.Take(n) : tools).ToListAsync(ct)).Select(t => (t.Slug, t.Name, t.Count)).ToList();
    }

    public record Latest(int Id, string Title, DateOnly ObservedOn, ObservationStatus Status);

    /// <summary>Of a record's observations the reader may see: how many, and the ten latest.</summary>
    public static async Task<(int Count, List<Latest> Latest)> VisibleAsync(IQueryable<Observation> visible, CancellationToken ct) =>
        (await visible.CountAsync(ct),
            await visible.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).Take(10)
                .Select(o => new Latest(o.Id, o.Title, o.ObservedOn, o.Status)).ToListAsync(ct));

    /// <summary>What the rest of the portal links to a directory record: experience reports, events, watch items.</summary>
    public sealed record Mentions(IReadOnlyList<WikiLinks.Report> Reports, IReadOnlyList<EventQueries.Row> Events,
        IReadOnlyList<WatchQueries.Row> WatchItems);

    public record Month(int Year, int MonthNumber, int Count, int Participants);

    /// <summary>Validated observations per month, oldest first, for "its observations over time".</summary>
    public static async Task<List<Month>> MonthlyAsync(IQueryable<Observation> validated, CancellationToken ct) =>
        (await validated.GroupBy(o => new { o.ObservedOn.Year, o.ObservedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Participants = g.Sum(o => o.ParticipantsCount) })
            .ToListAsync(ct))
        .OrderBy(m => m.Year).ThenBy(m => m.Month)
        .Select(m => new Month(m.Year, m.Month, m.Count, m.Participants)).ToList();
}
