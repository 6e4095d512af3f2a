namespace Observatoire.Web.Pages.Wiki;

/// <summary>Index of all pages the reader may see, with their categories; filtered by category or type.</summary>
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public record Row(string Title, string Slug, WikiPageType Type, WikiVisibility Visibility, List<string> Categories, DateTime UpdatedAt);
    public record Category(string Name, int Count);

    [FromQuery(Name = "categorie")] public string? CategoryFilter { get; set; }
    [FromQuery(Name = "type")] public string? TypeFilter { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    /// <summary>The wiki's own home page, linked only when it exists for this reader (the demo data writes it, a new instance has none).</summary>
    public bool HasHomePage { get; private set; }

    public const string HomeSlug = "accueil-du-wiki";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = db.WikiPages.AsNoTracking().Readable(User);
        var all = await readable.OrderBy(p => p.Title)
            .Select(p => new Row(p.Title, p.Slug, p.Type, p.Visibility, p.Categories, p.UpdatedAt)).ToListAsync(ct);
        HasHomePage = all.Any(r => r.Slug == HomeSlug);
        Categories = all.SelectMany(r => r.Categories).GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Category(g.First(), g.Count())).OrderBy(c => c.Name, French.Order).ToList();
        IEnumerable<Row> rows = all;
        if (!string.IsNullOrWhiteSpace(CategoryFilter))
            rows = rows.Where(r => r.Categories.Contains(CategoryFilter.Trim(), StringComparer.OrdinalIgnoreCase));
        if (TypeFilter == "retours")
            rows = rows.Where(r => r.Type == WikiPageType.ExperienceReport);
        Rows = rows.ToList();
    }
}
