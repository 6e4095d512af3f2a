namespace Observatoire.Web.Pages.Dashboard;

/// <summary>The Frictionless Data Package of the public open data: every public indicator, one CSV per year.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class OpenDataPackageModel(ObservatoireDbContext db, Suppression suppression) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = OpenDataTables.Today();
        var package = OpenDataTables.Package(await OpenDataTables.YearsAsync(db, today, ct), today, suppression.Threshold);
        Response.Headers.CacheControl = "public, max-age=300";
        return Content(package.ToJsonString(OpenDataTables.JsonOptions), "application/json; charset=utf-8");
    }
}
