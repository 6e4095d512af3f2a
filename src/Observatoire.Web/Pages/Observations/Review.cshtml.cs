namespace Observatoire.Web.Pages.Observations;

/// <summary>Coordination's queue: submitted observations, oldest submission first.</summary>
[Authorize(Policy = Policies.Coordination)]
public class ReviewModel(ObservatoireDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PendingTools { get; private set; }

    public record Row(int Id, string Title, DateOnly ObservedOn, string Structure, string? Author, DateTime UpdatedAt, bool WasReturned);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Submitted)
            .OrderBy(o => o.UpdatedAt)
            .Select(o => new Row(o.Id, o.Title, o.ObservedOn, o.Structure.Name,
                o.CreatedBy != null ? o.CreatedBy.DisplayName : null, o.UpdatedAt, o.ReviewComment != null))
            .ToListAsync(ct);
        PendingTools = await db.DigitalTools.CountAsync(t => t.Status == ToolStatus.Pending, ct);
    }
}
