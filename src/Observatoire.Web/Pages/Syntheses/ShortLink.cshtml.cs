namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// The short address printed beside each figure of a synthesis (<see cref="BackLinks"/>): leads to the dashboard view of
/// the synthesis's period and filters, at that figure. Open to everyone, like the PDF it is printed in, which institutions
/// pass on: it gives the filters, which the cover already prints, and the dashboard then shows what the reader may see.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class ShortLinkModel(ObservatoireDbContext db) : PageModel
{
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string reference, string? target, CancellationToken ct)
    {
        Reference = reference.Length > 40 ? reference[..40] : reference;
        var parameters = await db.Syntheses.AsNoTracking().Where(s => s.Reference == reference.ToUpperInvariant())
            .Select(s => s.Parameters).SingleOrDefaultAsync(ct);
        if (parameters is null || (target is not null && !BackLinks.IsTarget(target)))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        return Redirect(BackLinks.Destination(target, SynthesisRequest.FromJson(parameters).Filter()));
    }
}
