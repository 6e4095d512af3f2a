using System.Linq.Expressions;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// Lists of events for other pages. Directory pages (tool, structure, territory) call
/// <c>var events = await EventQueries.ForTool(db, tool.Id, ct);</c> then
/// <c>&lt;partial name="/Pages/Events/_EventsList.cshtml" model="events" /&gt;</c>.
/// </summary>
public static class EventQueries
{
    public record Row(int Id, string Slug, string Title, DateTime StartsAt, DateTime EndsAt, string? Place, bool Online,
        string? GroupName, string? GroupSlug, bool IsCancelled, int? Capacity, int Confirmed, string? MinutesSlug)
    {
        public int? SeatsLeft => Capacity is int c ? Math.Max(0, c - Confirmed) : null;
    }

    public static Task<List<Row>> ForTool(ObservatoireDbContext db, int toolId, CancellationToken ct) =>
        Latest(db, e => e.Tools.Any(t => t.Id == toolId), ct);

    public static Task<List<Row>> ForStructure(ObservatoireDbContext db, int structureId, CancellationToken ct) =>
        Latest(db, e => e.StructureId == structureId, ct);

    /// <summary>Events in the territory or in one of its quartiers.</summary>
    public static Task<List<Row>> ForTerritory(ObservatoireDbContext db, int territoryId, CancellationToken ct) =>
        Latest(db, e => e.TerritoryId == territoryId || e.Territory!.ParentId == territoryId, ct);

    /// <summary>A group's coming events (soonest first) or past ones (latest first).</summary>
    public static Task<List<Row>> ForGroup(ObservatoireDbContext db, int groupId, bool upcoming, DateTime now, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking().Where(e => e.GroupId == groupId);
        query = upcoming
            ? query.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt)
            : query.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt);
        return Project(query.Take(upcoming ? 50 : 20)).ToListAsync(ct);
    }

    public static IQueryable<Row> Project(IQueryable<Event> events) => events.Select(e => new Row(
        e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl != null,
        e.Group == null ? null : e.Group.Name, e.Group == null ? null : e.Group.Slug, e.IsCancelled, e.Capacity,
        e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
        e.MinutesPage == null ? null : e.MinutesPage.Slug));

    private static Task<List<Row>> Latest(ObservatoireDbContext db, Expression<Func<Event, bool>> filter, CancellationToken ct) =>
        Project(db.Events.AsNoTracking().Where(filter).OrderByDescending(e => e.StartsAt).Take(20)).ToListAsync(ct);
}
