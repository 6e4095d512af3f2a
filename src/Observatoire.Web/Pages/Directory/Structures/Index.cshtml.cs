namespace Observatoire.Web.Pages.Directory.Structures;

/// <summary>The public list of the network's structures, with a search and a filter by kind.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    /// <summary>A kind's slug, as on the dashboard (<c>?type=centre-social</c>); its former addresses are read too.</summary>
    [BindProperty(SupportsGet = true, Name = "type")] public string? Kind { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsCoordination { get; private set; }

    /// <summary>Every kind, retired ones too (structures may still have them), in the administrators' order.</summary>
    public IReadOnlyList<(string Slug, string Label)> Kinds { get; private set; } = [];
    /// <summary>The slug of the kind the filter chose, once its address is resolved.</summary>
    public string? KindSlug { get; private set; }

    /// <param name="Kind">The kind as people read it; null when the structure has none.</param>
    public record Row(string Slug, string Name, string? Kind, string? Territory, int Observations);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsCoordination = User.IsCoordination();
        Kinds = (await ReferenceChoices.FiltersAsync(db.StructureKinds, ct)).Select(k => (k.Slug, k.Name)).ToList();
        var query = db.Structures.AsNoTracking();
        if (Kind?.Trim().ToLowerInvariant() is { Length: > 0 } wanted)
        {
            // By slug, or an address the kind answered to before (its name when kinds were fixed: ?type=CentreSocial).
            var kind = await db.StructureKinds.AsNoTracking()
                .Where(k => k.Slug == wanted || db.SlugAliases.Any(a => a.Entity == nameof(StructureKind) && a.Slug == wanted && a.TargetId == k.Id))
                .OrderBy(k => k.Slug != wanted).Select(k => new { k.Id, k.Slug }).FirstOrDefaultAsync(ct);
            KindSlug = kind?.Slug;
            var id = kind?.Id ?? -1;
            query = query.Where(s => s.KindId == id);
        }
        if (Query?.Trim() is { Length: > 0 and <= 200 } q)
            query = query.Where(s => EF.Functions.ILike(s.Name, DirectoryPages.Contains(q), "\\")
                || s.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ObservatoireDbContext.SearchConfig, q)));
        var rows = await query.OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Slug, s.Name, Kind = s.Kind != null ? s.Kind.Name : null, KindRetiredAt = s.Kind != null ? s.Kind.RetiredAt : null,
                Territory = s.Territory != null ? Territory.Label(s.Territory.Name, s.Territory.Parent == null ? null : s.Territory.Parent.Name) : null,
                Observations = db.Observations.Count(o => o.StructureId == s.Id && o.Status == ObservationStatus.Validated),
            })
            .ToListAsync(ct);
        Rows = [.. rows.Select(s => new Row(s.Slug, s.Name, s.Kind is null ? null : ReferenceValues.Of(s.Kind, s.KindRetiredAt),
            s.Territory, s.Observations))];
    }
}
