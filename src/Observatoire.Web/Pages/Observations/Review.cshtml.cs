namespace Observatoire.Web.Pages.Observations;

/// <summary>
/// Coordination's queue: submitted observations, the latest submission first (or the oldest, to clear a backlog),
/// filtered by structure, territory (a commune includes its quartiers) and author through a plain GET form, with
/// how many wait for each structure.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class ReviewModel(ObservatoireDbContext db) : PageModel
{
    /// <summary>Structure slug, as on the observation list (<see cref="ObservationFilter.Keys"/>).</summary>
    [BindProperty(SupportsGet = true, Name = ObservationFilter.Keys.Structure)] public string? Structure { get; set; }
    /// <summary>Territory slug; a commune includes its quartiers.</summary>
    [BindProperty(SupportsGet = true, Name = ObservationFilter.Keys.Territory)] public string? Territory { get; set; }
    /// <summary>Id of the account that wrote the observation.</summary>
    [BindProperty(SupportsGet = true, Name = "auteur")] public string? Author { get; set; }
    /// <summary>"ancien": oldest submission first; anything else: newest first.</summary>
    [BindProperty(SupportsGet = true, Name = ObservationFilter.Keys.Sort)] public string? Sort { get; set; }

    public const string OldestFirst = "ancien";

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Waiting { get; private set; }
    public IReadOnlyList<Count> PerStructure { get; private set; } = [];
    public IReadOnlyList<Count> Authors { get; private set; } = [];
    public IReadOnlyList<ReferenceChoices.Filter> Territories { get; private set; } = [];
    public int PendingTools { get; private set; }
    public bool Filtered => Structure is not null || Territory is not null || Author is not null;

    public record Row(int Id, string Title, DateOnly ObservedOn, string Structure, string Territory, string? Author, DateTime UpdatedAt,
        bool WasReturned);

    /// <param name="Key">The value the filter takes (a structure's slug, an account's id).</param>
    public record Count(string Key, string Name, int Observations);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Structure = Clean(Structure);
        Territory = Clean(Territory);
        Author = Clean(Author);
        var queue = db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Submitted);
        var filter = new ObservationFilter { Structure = Structure, Territory = Territory };
        var query = filter.Apply(db, queue, await filter.ResolveAsync(db, ct));
        if (Author is not null) query = query.Where(o => o.CreatedById == Author);
        query = Sort == OldestFirst ? query.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id) : query.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.Id);
        Rows = await query
            .Select(o => new Row(o.Id, o.Title, o.ObservedOn, o.Structure.Name,
                Domain.Territory.Label(o.Territory.Name, o.Territory.Parent == null ? null : o.Territory.Parent.Name),
                o.CreatedBy != null ? o.CreatedBy.DisplayName : null, o.UpdatedAt, o.ReviewComment != null))
            .ToListAsync(ct);
        Waiting = await queue.CountAsync(ct);
        PerStructure = (await queue.GroupBy(o => new { o.Structure.Slug, o.Structure.Name })
                .Select(g => new Count(g.Key.Slug, g.Key.Name, g.Count())).ToListAsync(ct))
            .OrderByDescending(c => c.Observations).ThenBy(c => c.Name, French.Order).ToList();
        Authors = (await queue.Where(o => o.CreatedById != null).GroupBy(o => new { Id = o.CreatedById!, o.CreatedBy!.DisplayName })
                .Select(g => new Count(g.Key.Id, g.Key.DisplayName, g.Count())).ToListAsync(ct))
            .OrderBy(c => c.Name, French.Order).ToList();
        Territories = await ReferenceChoices.TerritoryFiltersAsync(db, ct);
        PendingTools = await db.DigitalTools.CountAsync(t => t.Status == ToolStatus.Pending, ct);
    }

    /// <summary>This queue's address with one filter set to <paramref name="value"/>, the others kept.</summary>
    public string With(string key, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            [ObservationFilter.Keys.Structure] = Structure, [ObservationFilter.Keys.Territory] = Territory, ["auteur"] = Author,
            [ObservationFilter.Keys.Sort] = Sort == OldestFirst ? OldestFirst : null,
        };
        query[key] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/observations/a-valider",
            query.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 200)];
}
