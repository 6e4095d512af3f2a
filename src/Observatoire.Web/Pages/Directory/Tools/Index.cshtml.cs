namespace Observatoire.Web.Pages.Directory.Tools;

/// <summary>The public list of digital tools, by category; tools proposed by contributors are shown to members only.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    /// <summary>"en-attente": only the tools waiting for Coordination.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")] public string? StatusFilter { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PendingCount { get; private set; }
    public bool IsMember { get; private set; }
    public bool IsCoordination { get; private set; }

    /// <param name="Category">The category as people read it; rows come grouped by category, in the administrators' order.</param>
    public record Row(string Slug, string Name, string Category, string Licence, ToolStatus Status, int Observations);

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
        // Tools without a category come last, under « Catégorie non précisée ».
        Rows = (await query.OrderBy(t => t.Category == null).ThenBy(t => t.Category!.SortOrder).ThenBy(t => t.Category!.Name)
                .ThenBy(t => t.CategoryId).ThenBy(t => t.Name)
                .Select(t => new
                {
                    t.Slug, t.Name, Category = t.Category!.Name, CategoryRetiredAt = t.Category!.RetiredAt,
                    Licence = t.Licence!.Name, LicenceRetiredAt = t.Licence!.RetiredAt, t.Status,
                    Observations = db.Observations.Count(o => o.Status == ObservationStatus.Validated && o.Tools.Any(x => x.Id == t.Id)),
                })
                .ToListAsync(ct))
            .Select(t => new Row(t.Slug, t.Name,
                t.Category is null ? ReferenceValues.NoCategory : ReferenceValues.Of(t.Category, t.CategoryRetiredAt),
                t.Licence is null ? ReferenceValues.UnknownLicence : ReferenceValues.Of(t.Licence, t.LicenceRetiredAt),
                t.Status, t.Observations))
            .ToList();
        if (IsMember) PendingCount = await db.DigitalTools.CountAsync(t => t.Status == ToolStatus.Pending, ct);
    }
}
