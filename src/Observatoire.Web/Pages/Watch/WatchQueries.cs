using System.Linq.Expressions;

namespace Observatoire.Web.Pages.Watch;

/// <summary>
/// Published watch items for other pages. Directory pages call
/// <c>var watch = await WatchQueries.ForTool(db, tool.Id, ct);</c> then
/// <c>&lt;partial name="/Pages/Watch/_WatchItemsList.cshtml" model="watch" /&gt;</c>.
/// </summary>
public static class WatchQueries
{
    public record Row(int Id, string Title, string Url, string Note, DateTime? PublishedAt, string[] Themes, int Useful, int Comments)
    {
        public string Host => Uri.TryCreate(Url, UriKind.Absolute, out var u) ? u.Host : Url;
        public string Excerpt => Note.Length <= 220 ? Note : Note[..219].TrimEnd() + "…";
    }

    public static Task<List<Row>> ForTool(ObservatoireDbContext db, int toolId, CancellationToken ct) =>
        Latest(db, w => w.Tools.Any(t => t.Id == toolId), ct);

    /// <summary>Items about the territory or one of its quartiers.</summary>
    public static Task<List<Row>> ForTerritory(ObservatoireDbContext db, int territoryId, CancellationToken ct) =>
        Latest(db, w => w.TerritoryId == territoryId || w.Territory!.ParentId == territoryId, ct);

    /// <summary>Items posted by people of the structure (through their accounts).</summary>
    public static Task<List<Row>> ForStructure(ObservatoireDbContext db, int structureId, CancellationToken ct) =>
        Latest(db, w => w.PostedBy != null && w.PostedBy.Structures.Any(s => s.Id == structureId), ct);

    public static Task<List<Row>> ForGroup(ObservatoireDbContext db, int groupId, CancellationToken ct) =>
        Latest(db, w => w.GroupId == groupId, ct);

    public static IQueryable<Row> Project(IQueryable<WatchItem> items) => items.Select(w => new Row(
        w.Id, w.Title, w.Url, w.Note, w.PublishedAt, w.Themes.OrderBy(t => t.SortOrder).Select(t => (t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToArray(),
        w.Usefuls.Count, w.Comments.Count));

    private static Task<List<Row>> Latest(ObservatoireDbContext db, Expression<Func<WatchItem, bool>> filter, CancellationToken ct) =>
        Project(db.WatchItems.AsNoTracking().Where(w => w.Status == WatchStatus.Published).Where(filter)
            .OrderByDescending(w => w.PublishedAt).Take(20)).ToListAsync(ct);
}
