using System.Net.Mime;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>Serves an attachment with its detected type: images inline (for embedding), everything else as a download.</summary>
public class FileDownloadModel(ObservatoireDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string nom, CancellationToken ct)
    {
        var file = await db.WikiAttachments.AsNoTracking()
            .Where(a => a.Page.Slug == slug && a.FileName == nom)
            .Select(a => new { a.Page.Visibility, a.ContentType, a.Content, a.FileName, a.Sha256 })
            .SingleOrDefaultAsync(ct);
        if (file is null) return NotFound();
        if (!WikiAccess.CanRead(User, file.Visibility)) return Challenge();
        var inline = file.ContentType.StartsWith("image/", StringComparison.Ordinal);
        Response.Headers.ContentDisposition = new ContentDisposition { Inline = inline, FileName = file.FileName }.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        // Members-only files must not sit in shared caches.
        Response.Headers.CacheControl = file.Visibility == Domain.WikiVisibility.Public ? "public, max-age=3600" : "private, max-age=3600";
        Response.Headers.ETag = $"\"{file.Sha256}\"";
        return File(file.Content, file.ContentType);
    }
}
