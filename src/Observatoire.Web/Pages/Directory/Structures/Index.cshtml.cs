namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>The public list of the network's structures, with a search and a filter by kind.</summary>
[AllowAnonymous]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public StructureKind? Kind { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsCoordination { get; private set; }

    public record Row(string Slug, string Name, StructureKind Kind, string? Territory, int Observations);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsCoordination = User.IsCoordination();
        var query = db.Structures.AsNoTracking();
        if (Kind is { } kind) query = query.Where(s => s.Kind == kind);
        if (Query?.Trim() is { Length: > 0 and <= 200 } q)
            query = query.Where(s => EF.Functions.ILike(s.Name, DirectoryPages.Contains(q), "\\")
                || s.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ObservatoireDbContext.SearchConfig, q)));
        Rows = await query.OrderBy(s => s.Name)
            .Select(s => new Row(s.Slug, s.Name, s.Kind, s.Territory != null ? s.Territory.Name : null,
                db.Observations.Count(o => o.StructureId == s.Id && o.Status == ObservationStatus.Validated)))
            .ToListAsync(ct);
    }
}
