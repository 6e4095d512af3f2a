namespace Observatoire.Web.Pages.Directory.Actors;

/// <summary>The people of the network: members only, as it names people.</summary>
[Authorize(Policy = Policies.Member)]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsCoordination { get; private set; }

    public record Row(string Slug, string Name, ActorCategory Category, string? JobTitle, string[] Structures);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsCoordination = User.IsCoordination();
        var query = db.Actors.AsNoTracking();
        if (Query?.Trim() is { Length: > 0 and <= 200 } q)
        {
            var pattern = DirectoryPages.Contains(q);
            query = query.Where(a => EF.Functions.ILike(a.FullName, pattern, "\\")
                || (a.JobTitle != null && EF.Functions.ILike(a.JobTitle, pattern, "\\"))
                || a.Memberships.Any(m => EF.Functions.ILike(m.Structure.Name, pattern, "\\")));
        }
        Rows = await query.OrderBy(a => a.FullName)
            .Select(a => new Row(a.Slug, a.FullName, a.Category, a.JobTitle,
                a.Memberships.OrderBy(m => m.Structure.Name).Select(m => m.Structure.Name).ToArray()))
            .ToListAsync(ct);
    }
}
