using Microsoft.Extensions.Options;
using QRCoder;

namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>The QR code of a survey's public address, in PNG (posters, documents) or SVG (print shops).</summary>
[Authorize(Policy = Policies.Coordination)]
public class QrModel(ObservatoireDbContext db, IOptions<ObservatoireOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var slug = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.Slug).SingleOrDefaultAsync(ct);
        if (slug is null) return NotFound();
        var url = PublicUrl(Request, options.Value, slug);
        using var generator = new QRCodeGenerator();
        // Level M survives a poster's creases and stains while keeping the modules large enough for cheap cameras.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return format == "svg"
            ? File(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(10)), "image/svg+xml", $"enquete-{slug}.svg")
            : File(new PngByteQRCode(data).GetGraphic(20), "image/png", $"enquete-{slug}.png");
    }

    /// <summary>The address printed on paper: the configured public address, or the one this request came to.</summary>
    public static string PublicUrl(HttpRequest request, ObservatoireOptions options, string slug) =>
        (string.IsNullOrWhiteSpace(options.PublicUrl) ? $"{request.Scheme}://{request.Host}" : options.PublicUrl.TrimEnd('/'))
        + "/enquetes/" + slug;
}
