namespace Observatoire.Web.Pages.Directory.Tools;

/// <summary>The public list of digital tools, by category; tools proposed by contributors are shown to members only.</summary>
[AllowAnonymous]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    /// <summary>"en-attente": only the tools waiting for Coordination.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")] public string? StatusFilter { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PendingCount { get; private set; }
    public bool IsMember { get; private set; }
    public bool IsCoordination { get; private set; }

    public record Row(string Slug, string Name, ToolCategory Category, ToolLicence Licence, ToolStatus Status, int Observations);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        var query = db.DigitalTools.AsNoTracking();
        if (!IsMember) query = query.Where(t => t.Status == ToolStatus.Listed);
        if (IsMember && StatusFilter == "en-attente") query = query.Where(t => t.Status == ToolStatus.Pending);
        if (Query?.Trim() is { Length: > 0 and <= 200 } q)
            query = query.Where(t => EF.Functions.ILike(t.Name, DirectoryPages.Contains(q), "\\")
                || t.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ObservatoireDbContext.SearchConfig, q)));
        Rows = await query.OrderBy(t => t.Name)
            .Select(t => new Row(t.Slug, t.Name, t.Category, t.Licence, t.Status,
                db.Observations.Count(o => o.Status == ObservationStatus.Validated && o.Tools.Any(x => x.Id == t.Id))))
            .ToListAsync(ct);
        if (IsMember) PendingCount = await db.DigitalTools.CountAsync(t => t.Status == ToolStatus.Pending, ct);
    }
}
