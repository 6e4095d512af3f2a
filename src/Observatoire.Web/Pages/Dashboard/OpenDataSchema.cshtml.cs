using System.Text.Json;

namespace Observatoire.Web.Pages.Dashboard;

/// <summary>The Frictionless Table Schema of a public indicator's files, the same for every period.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class OpenDataSchemaModel(Suppression suppression) : PageModel
{
    public IActionResult OnGet(string indicateur)
    {
        if (OpenDataTables.Find(indicateur) is not { } indicator) return NotFound();
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(OpenDataTables.Schema(indicator, suppression.Threshold).ToJsonString(OpenDataTables.JsonOptions),
            "application/json; charset=utf-8");
    }
}
