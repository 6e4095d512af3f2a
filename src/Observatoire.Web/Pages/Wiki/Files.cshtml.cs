using System.Security.Cryptography;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>Files attached to a page: list, upload (type and size checked on content), delete.</summary>
[Authorize(Policy = Policies.Member)]
[RequestSizeLimit(WikiFiles.MaxBytes + 256 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = WikiFiles.MaxBytes + 256 * 1024)]
public class FilesModel(ObservatoireDbContext db) : PageModel
{
    public record Row(string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedBy);

    [BindProperty, Display(Name = "Fichier")] public IFormFile? Upload { get; set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await FindAsync(slug, ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility)) return Forbid();
        await LoadAsync(page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var page = await FindAsync(slug, ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility) || !WikiAccess.CanEdit(User, page.IsProtected)) return Forbid();
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), "Choisissez un fichier à joindre.");
        else if (Upload.Length > WikiFiles.MaxBytes)
            ModelState.AddModelError(nameof(Upload), $"Le fichier dépasse la taille maximale de {WikiFiles.MaxBytes / (1024 * 1024)} Mo.");
        else
        {
            var content = new byte[Upload.Length];
            await using (var stream = Upload.OpenReadStream())
                await stream.ReadExactlyAsync(content, ct);
            var kind = WikiFiles.Detect(Upload.FileName, content);
            if (kind is null)
                ModelState.AddModelError(nameof(Upload), $"Ce type de fichier n'est pas accepté, ou son contenu ne correspond pas à son extension. Acceptés : {WikiFiles.AcceptedList}.");
            else
            {
                var name = WikiFiles.SafeName(Upload.FileName);
                var stem = Path.GetFileNameWithoutExtension(name);
                for (var n = 2; await db.WikiAttachments.AnyAsync(a => a.PageId == page.Id && a.FileName == name, ct); n++)
                    name = $"{stem}-{n}.{kind.Extension}";
                db.WikiAttachments.Add(new WikiAttachment
                {
                    PageId = page.Id, FileName = name, ContentType = kind.ContentType, Size = content.Length,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
                    UploadedById = User.UserId(), UploadedAt = DateTime.UtcNow,
                });
                await db.SaveChangesAsync(ct);
                TempData["Message"] = kind.IsImage
                    ? $"L'image « {name} » est jointe. Pour l'afficher dans la page : ![description](/wiki/{slug}/fichiers/{name})"
                    : $"Le fichier « {name} » est joint à la page.";
                return Redirect($"/wiki/{slug}/fichiers");
            }
        }
        await LoadAsync(page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, string nom, CancellationToken ct)
    {
        var page = await FindAsync(slug, ct);
        if (page is null) return NotFound();
        if (!WikiAccess.CanRead(User, page.Visibility) || !WikiAccess.CanEdit(User, page.IsProtected)) return Forbid();
        var deleted = await db.WikiAttachments.Where(a => a.PageId == page.Id && a.FileName == nom).ExecuteDeleteAsync(ct);
        if (deleted == 0) return NotFound();
        TempData["Message"] = $"Le fichier « {nom} » a été supprimé.";
        return Redirect($"/wiki/{slug}/fichiers");
    }

    private record PageInfo(int Id, string Title, string Slug, WikiVisibility Visibility, bool IsProtected);

    private Task<PageInfo?> FindAsync(string slug, CancellationToken ct) =>
        db.WikiPages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new PageInfo(p.Id, p.Title, p.Slug, p.Visibility, p.IsProtected)).SingleOrDefaultAsync(ct);

    private async Task LoadAsync(PageInfo page, CancellationToken ct)
    {
        (Slug, Title, CanEdit) = (page.Slug, page.Title, WikiAccess.CanEdit(User, page.IsProtected));
        Rows = await db.WikiAttachments.AsNoTracking().Where(a => a.PageId == page.Id).OrderBy(a => a.FileName)
            .Select(a => new Row(a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy!.DisplayName)).ToListAsync(ct);
    }
}
