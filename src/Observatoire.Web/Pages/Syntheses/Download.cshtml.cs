namespace Observatoire.Web.Pages.Syntheses;

/// <summary>A stored synthesis, byte for byte the file first generated.</summary>
[Authorize(Policy = Policies.Reader)]
public class DownloadModel(ObservatoireDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        if (reference.Length > 20) return NotFound();
        var pdf = await db.Syntheses.AsNoTracking().Where(s => s.Reference == reference && s.PageCount > 0)
            .Select(s => s.Pdf).FirstOrDefaultAsync(ct);
        if (pdf is null) return NotFound();
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(pdf, "application/pdf", reference + ".pdf");
    }
}
