namespace Observatoire.Web.Pages.Dashboard;

/// <summary>One public indicator over one period, as the public dashboard shows it (<see cref="OpenDataTables"/>).</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class OpenDataCsvModel(ObservatoireDbContext db, Suppression suppression) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string indicateur, string periode, CancellationToken ct)
    {
        if (OpenDataTables.Find(indicateur) is not { } indicator
            || OpenDataTables.Period.Parse(periode, OpenDataTables.Today()) is not { } period) return NotFound();
        if (await OpenDataTables.CsvAsync(db, suppression, indicator, period, ct) is not { } csv) return NotFound();
        // The same file for everyone (never a member's view): shared caches may keep it a while; figures change as
        // observations are validated.
        Response.Headers.CacheControl = "public, max-age=300";
        return File(csv, Csv.ContentType, $"{indicator.Id}-{period.Code}.csv");
    }
}
