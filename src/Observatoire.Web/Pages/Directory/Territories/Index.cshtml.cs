namespace Observatoire.Web.Pages.Directory.Territories;

/// <summary>Communes and their quartiers, with how much was observed in each.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsCoordination { get; private set; }

    public record Row(int Id, int? ParentId, string Slug, string Name, TerritoryKind Kind, int Structures, int Observations);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsCoordination = User.IsCoordination();
        Rows = await ReferenceChoices.Ordered(db.Territories.AsNoTracking())
            .Select(t => new Row(t.Id, t.ParentId, t.Slug, Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name, t.RetiredAt != null), t.Kind,
                db.Structures.Count(s => s.TerritoryId == t.Id),
                db.Observations.Count(o => o.Status == ObservationStatus.Validated && (o.TerritoryId == t.Id || o.Territory.ParentId == t.Id))))
            .ToListAsync(ct);
    }
}
