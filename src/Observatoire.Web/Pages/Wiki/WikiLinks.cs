namespace Observatoire.Web.Pages.Wiki;

/// <summary>
/// Experience reports about a record, for the directory pages (tool, structure, territory) and observations:
/// <c>var reports = await WikiLinks.ReportsForTool(db, User, toolId, ct);</c> then
/// <c>&lt;partial name="/Pages/Wiki/_ReportsList.cshtml" model="reports" /&gt;</c>.
/// </summary>
public static class WikiLinks
{
    public record Report(string Title, string Slug, DateTime UpdatedAt, string Excerpt);

    public static Task<List<Report>> ReportsForTool(ObservatoireDbContext db, ClaimsPrincipal user, int toolId, CancellationToken ct) =>
        Reports(db, user, p => p.Tools.Any(t => t.Id == toolId), ct);

    public static Task<List<Report>> ReportsForStructure(ObservatoireDbContext db, ClaimsPrincipal user, int structureId, CancellationToken ct) =>
        Reports(db, user, p => p.Structures.Any(s => s.Id == structureId), ct);

    /// <summary>Reports linked to the territory or to one of its quartiers.</summary>
    public static Task<List<Report>> ReportsForTerritory(ObservatoireDbContext db, ClaimsPrincipal user, int territoryId, CancellationToken ct) =>
        Reports(db, user, p => p.Territories.Any(t => t.Id == territoryId || t.ParentId == territoryId), ct);

    public static Task<List<Report>> ReportsForObservation(ObservatoireDbContext db, ClaimsPrincipal user, int observationId, CancellationToken ct) =>
        Reports(db, user, p => p.Observations.Any(o => o.Id == observationId), ct);

    /// <summary>The latest reports the user may read, for a home page or a dashboard.</summary>
    public static Task<List<Report>> LatestReports(ObservatoireDbContext db, ClaimsPrincipal user, int count, CancellationToken ct) =>
        Reports(db, user, _ => true, ct, count);

    private static Task<List<Report>> Reports(ObservatoireDbContext db, ClaimsPrincipal user,
        System.Linq.Expressions.Expression<Func<WikiPage, bool>> filter, CancellationToken ct, int count = 50) =>
        db.WikiPages.AsNoTracking().Readable(user)
            .Where(p => p.Type == WikiPageType.ExperienceReport)
            .Where(filter)
            .OrderByDescending(p => p.UpdatedAt)
            .Take(count)
            .Select(p => new Report(p.Title, p.Slug, p.UpdatedAt, p.PlainText.Substring(0, Math.Min(p.PlainText.Length, 220))))
            .ToListAsync(ct);
}
