using System.Security.Cryptography;
using System.Text.Json;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.Web.Pages.Imports;

/// <summary>One kind of import: its columns, its template, and the upload that starts an import.</summary>
[Authorize(Policy = Policies.Coordination)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class KindModel(ObservatoireDbContext db, ImportAccess access, ImportPipeline pipeline, TimeProvider clock) : PageModel
{
    /// <summary>The file's limit plus room for the form's other fields.</summary>
    private const long MaxRequestBytes = 25 * 1024 * 1024 + 256 * 1024;

    [BindProperty, Display(Name = "Fichier")] public IFormFile? Upload { get; set; }
    public ImportKind Kind { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct) => await FindAsync(kind, ct) ?? Page();

    /// <summary>The template: the header row and one example line, as CSV or .xlsx.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string kind, string? format, CancellationToken ct)
    {
        if (await FindAsync(kind, ct) is { } denied) return denied;
        var listed = Kind.Columns.Where(c => c.Listed).ToList();
        var header = listed.Select(c => c.Label).ToList();
        string?[] example = [.. listed.Select(c => c.Example)];
        return ImportPages.Table(format, $"modele-{Kind.Slug}", Kind.Name, header, [example]);
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken ct)
    {
        if (await FindAsync(kind, ct) is { } denied) return denied;
        var max = TabularLimits.Default.MaxFileBytes;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez le fichier à importer.");
            return Page();
        }
        if (Upload.Length > max)
        {
            ModelState.AddModelError(nameof(Upload), $"Le fichier dépasse {max / (1024 * 1024)} Mo : découpez-le en plusieurs fichiers.");
            return Page();
        }
        var content = new byte[Upload.Length];
        await using (var stream = Upload.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var fileName = Path.GetFileName(Upload.FileName);
        if (fileName.Length > 200) fileName = fileName[..100] + "…" + fileName[^99..];
        var batch = new ImportBatch
        {
            Kind = Kind.Slug, FileName = fileName, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Size = content.Length,
            Content = content, CreatedAt = clock.GetUtcNow().UtcDateTime, UserId = User.UserId(),
            UserName = User.FindFirstValue(ObservatoireClaims.DisplayName) ?? User.Identity?.Name ?? "", Status = ImportStatus.Draft,
            Mapping = "[]",
        };
        var (header, problem) = ImportPipeline.Header(batch);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }
        var remembered = await db.ImportMappings.AsNoTracking().Where(m => m.Kind == Kind.Slug).Select(m => m.Columns).FirstOrDefaultAsync(ct);
        batch.Mapping = ImportPipeline.WriteMapping(ImportPipeline.AutoMap(header, Kind,
            remembered is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(remembered)));
        var run = await pipeline.PlanAsync(batch, Kind, User, [], ct);
        ImportPages.Store(batch, run);
        // Files never committed are not kept beyond a day, whoever uploaded them.
        var expired = batch.CreatedAt.AddDays(-1);
        await db.ImportBatches.Where(b => b.Status == ImportStatus.Draft && b.CreatedAt < expired).ExecuteDeleteAsync(ct);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return Redirect($"/import/lots/{batch.Id}");
    }

    private async Task<IActionResult?> FindAsync(string slug, CancellationToken ct)
    {
        if (await access.FindAsync(slug, ct) is not { } kind) return NotFound();
        Kind = kind;
        return await access.MayImportAsync(User, kind) ? null : Forbid();
    }
}
