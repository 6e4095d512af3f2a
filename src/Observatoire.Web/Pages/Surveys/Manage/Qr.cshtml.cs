namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>The QR code of a survey's public address, in PNG (posters, documents) or SVG (print shops).</summary>
[Authorize(Policy = Policies.Coordination)]
public class QrModel(ObservatoireDbContext db, AccountLinks links) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var slug = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.Slug).SingleOrDefaultAsync(ct);
        if (slug is null) return NotFound();
        var url = PublicUrl(links, slug);
        return format == "svg"
            ? File(System.Text.Encoding.UTF8.GetBytes(QrCodes.Svg(url)), "image/svg+xml", $"enquete-{slug}.svg")
            : File(QrCodes.Png(url), "image/png", $"enquete-{slug}.png");
    }

    /// <summary>The address printed on paper: the configured public address, or the one this request came to.</summary>
    public static string PublicUrl(AccountLinks links, string slug) => links.Absolute("/enquetes/" + slug);
}
