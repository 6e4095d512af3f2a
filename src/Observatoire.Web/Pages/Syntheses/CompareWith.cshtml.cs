namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// « Comparer avec… » from a stored synthesis: the other syntheses to compare it with (those of the same scope first),
/// or the same filters over its period and another one.
/// </summary>
[Authorize(Policy = Policies.Reader)]
[ReadsFromReplica]
public class CompareWithModel(ObservatoireDbContext db) : PageModel
{
    public sealed record Other(string Reference, string Title, DateTime GeneratedAt, string GeneratedBy, string Period, bool SameScope);

    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTime GeneratedAt { get; private set; }
    public IReadOnlyList<Other> Others { get; private set; } = [];
    /// <summary>The form of two periods, filled with this synthesis's filters, its period and the one just before.</summary>
    public string PeriodsQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        if (reference.Length > 20) return NotFound();
        var synthesis = await db.Syntheses.AsNoTracking().Where(s => s.Reference == reference && s.PageCount > 0)
            .Select(s => new { s.Reference, s.Title, s.GeneratedAt, s.Parameters }).FirstOrDefaultAsync(ct);
        if (synthesis is null) return NotFound();
        (Reference, Title, GeneratedAt) = (synthesis.Reference, synthesis.Title, synthesis.GeneratedAt);
        var request = SynthesisRequest.FromJson(synthesis.Parameters);
        var scope = SynthesisComparison.Scope(request);
        Others = [.. (await db.Syntheses.AsNoTracking().Where(s => s.Reference != reference && s.PageCount > 0)
                .OrderByDescending(s => s.GeneratedAt).Take(100)
                .Select(s => new { s.Reference, s.Title, s.GeneratedAt, s.GeneratedByName, s.Parameters }).ToListAsync(ct))
            .Select(s => (s, r: SynthesisRequest.FromJson(s.Parameters)))
            .Select(x => new Other(x.s.Reference, x.s.Title, x.s.GeneratedAt, x.s.GeneratedByName, ParisTime.Period(x.r.From!.Value, x.r.To!.Value),
                SynthesisComparison.Scope(x.r) == scope))
            .OrderByDescending(o => o.SameScope)];

        var (from, to) = DashboardFilter.PreviousPeriod(request.From!.Value, request.To!.Value);
        var query = new SynthesisRequest
        {
            From = from, To = to, Territories = request.Territories, Themes = request.Themes, Audiences = request.Audiences,
        }.ToQuery();
        PeriodsQuery = $"{query}&du2={request.From:yyyy-MM-dd}&au2={request.To:yyyy-MM-dd}";
        return Page();
    }
}
