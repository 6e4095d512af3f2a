namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// The public open data: for a chosen period, every public indicator's CSV and its Table Schema, and the data package
/// (<see cref="OpenDataTables"/>). Open to everyone; the files are the public dashboard's figures.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class OpenDataIndexModel(ObservatoireDbContext db, Suppression suppression) : PageModel
{
    /// <summary>The period's code, « 2025 », « 2025-T1 » or « 2025-03 »; this year by default.</summary>
    [FromQuery(Name = "periode")] public string? Code { get; set; }

    public OpenDataTables.Period Period { get; private set; } = null!;
    /// <summary>The periods offered, by year (most recent first).</summary>
    public IReadOnlyList<(int Year, IReadOnlyList<OpenDataTables.Period> Periods)> Years { get; private set; } = [];
    public bool UnknownPeriod { get; private set; }
    public int Threshold => suppression.Threshold;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = OpenDataTables.Today();
        var chosen = OpenDataTables.Period.Parse(Code, today);
        UnknownPeriod = Code is not null && chosen is null;
        Period = chosen ?? OpenDataTables.Period.Current(today);
        Years = (await OpenDataTables.YearsAsync(db, today, ct))
            .Select(y => (y, (IReadOnlyList<OpenDataTables.Period>)OpenDataTables.Period.Of(y, today).ToList())).ToList();
    }
}
