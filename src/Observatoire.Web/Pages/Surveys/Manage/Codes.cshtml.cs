using Microsoft.Extensions.Options;
using Npgsql;

namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>Invitation codes, generated in named batches and printed to be handed out on paper.</summary>
[Authorize(Policy = Policies.Coordination)]
public class CodesModel(ObservatoireDbContext db, AccountLinks links) : PageModel
{
    public record BatchRow(string Batch, int Total, int Used, DateTime CreatedAt);

    [BindProperty] public InputModel Input { get; set; } = new();
    public int SurveyId { get; private set; }
    public string Title { get; private set; } = "";
    public bool RequiresInvitation { get; private set; }
    public string PublicUrl { get; private set; } = "";
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];
    /// <summary>The batch to print, when asked with ?lot=.</summary>
    public string? PrintBatch { get; private set; }
    public IReadOnlyList<string> PrintCodes { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Nommez le lot, par exemple « Centre social du Sanitas, mars ».")]
        [StringLength(120, ErrorMessage = "120 caractères au plus.")]
        [Display(Name = "Nom du lot")]
        public string Batch { get; set; } = "";

        [Range(1, 500, ErrorMessage = "Entre 1 et 500 codes par lot.")]
        [Display(Name = "Nombre de codes")]
        public int Count { get; set; } = 50;
    }

    public async Task<IActionResult> OnGetAsync(int id, string? lot, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!string.IsNullOrEmpty(lot))
        {
            PrintBatch = lot;
            PrintCodes = await db.InvitationCodes.AsNoTracking().Where(c => c.SurveyId == id && c.Batch == lot && c.UsedAt == null)
                .OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var batch = Input.Batch.Trim();
        var now = DateTime.UtcNow;
        var codes = new HashSet<string>();
        while (codes.Count < Input.Count) codes.Add(ShortCode.New());
        db.InvitationCodes.AddRange(codes.Select(c => new InvitationCode { SurveyId = id, Code = c, Batch = batch, CreatedAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // 31^8 codes: a clash with an earlier batch is rare enough that asking again is the right answer.
            ModelState.AddModelError("", "Un code tiré au hasard existait déjà. Cliquez à nouveau sur « Générer ».");
            return Page();
        }
        TempData["Message"] = $"{codes.Count} codes créés dans le lot « {batch} ».";
        return RedirectToPage(new { id, lot = batch });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Title, s.Slug, s.RequiresInvitation }).SingleOrDefaultAsync(ct);
        if (survey is null) return false;
        (SurveyId, Title, RequiresInvitation) = (id, survey.Title, survey.RequiresInvitation);
        PublicUrl = QrModel.PublicUrl(links, survey.Slug);
        Batches = await db.InvitationCodes.AsNoTracking().Where(c => c.SurveyId == id)
            .GroupBy(c => c.Batch)
            .OrderByDescending(g => g.Min(c => c.CreatedAt))
            .Select(g => new BatchRow(g.Key, g.Count(), g.Count(c => c.UsedAt != null), g.Min(c => c.CreatedAt)))
            .ToListAsync(ct);
        return true;
    }
}
