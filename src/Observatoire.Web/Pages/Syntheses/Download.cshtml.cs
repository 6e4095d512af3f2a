namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// A stored synthesis, byte for byte the file first generated. The first download of each member is recorded: they are
/// the people told when its data changed since (<see cref="SynthesisNotices"/>).
/// </summary>
// Not read from the replica ([ReadsFromReplica]): every download by a member writes that record.
[Authorize(Policy = Policies.Reader)]
public class DownloadModel(ObservatoireDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        if (reference.Length > 20) return NotFound();
        var synthesis = await db.Syntheses.AsNoTracking().Where(s => s.Reference == reference && s.PageCount > 0)
            .Select(s => new { s.Id, s.Pdf }).FirstOrDefaultAsync(ct);
        if (synthesis is null) return NotFound();
        if (User.UserId() is { } userId)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SynthesisDownloads" ("SynthesisId", "UserId", "DownloadedAt") VALUES ({synthesis.Id}, {userId}, {DateTime.UtcNow})
                ON CONFLICT DO NOTHING
                """, ct);
        var pdf = synthesis.Pdf;
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(pdf, "application/pdf", reference + ".pdf");
    }
}
