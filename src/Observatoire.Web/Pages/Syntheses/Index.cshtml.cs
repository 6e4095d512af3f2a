using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// Syntheses for partners and Coordination: the form (previewed at /syntheses/apercu, generated here by POST)
/// and the list of past syntheses, each re-downloadable, with a warning when its data changed since.
/// </summary>
[Authorize(Policy = Policies.Reader)]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db, SynthesisPrinter printer, Suppression suppression, UserManager<AppUser> users,
    ILogger<IndexModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)] public SynthesisRequest Input { get; set; } = new();

    /// <summary>Set by the preview when its parameters were invalid: the form shows why, next to the fields.</summary>
    [BindProperty(SupportsGet = true, Name = "verifier")] public bool Check { get; set; }

    /// <summary>Reference of the synthesis just generated.</summary>
    [BindProperty(SupportsGet = true, Name = "creee")] public string? Created { get; set; }

    public Choices Options { get; private set; } = null!;
    public IReadOnlyList<Past> History { get; private set; } = [];
    public string? PdfError { get; private set; }
    public int Threshold => suppression.Threshold;

    public sealed record Choice(string Value, string Label, string? Group = null);
    public sealed record Choices(IReadOnlyList<Choice> Territories, IReadOnlyList<Choice> Themes, IReadOnlyList<Choice> Audiences,
        IReadOnlyList<Choice> Surveys, IReadOnlyList<Choice> Reports);
    public sealed record Past(string Reference, string Title, DateTime GeneratedAt, string GeneratedBy, int PageCount, long Size,
        string Fingerprint, bool DataChanged, string Parameters);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Input.From is null && Input.To is null)
        {
            // The calendar year so far: what a yearly report to a board covers.
            var today = DateOnly.FromDateTime(ParisTime.FromUtc(DateTime.UtcNow));
            Input.From = new DateOnly(today.Year, 1, 1);
            Input.To = today;
        }
        if (Check) Validate();
        else ModelState.Clear();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Validate())
        {
            await LoadAsync(ct);
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        try
        {
            var synthesis = await printer.GenerateAsync(Input, user, ct);
            return Redirect($"/syntheses?creee={Uri.EscapeDataString(synthesis.Reference)}#{synthesis.Reference}");
        }
        catch (PdfUnavailableException e)
        {
            log.LogError(e, "Synthèse non générée : moteur PDF indisponible.");
            PdfError = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private bool Validate()
    {
        foreach (var (field, message) in Input.Check()) ModelState.AddModelError(field, message);
        return ModelState.IsValid;
    }

    public string? Error(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var territories = await ReferenceChoices.TerritoryFiltersAsync(db, ct);
        Options = new Choices(
            [.. territories.Select(t => new Choice(t.Slug, t.IsCommune ? $"{t.Name} (toute la commune)" : t.Name, t.Commune))],
            [.. (await ReferenceChoices.FiltersAsync(db.Themes, ct)).Select(t => new Choice(t.Slug, t.Name))],
            [.. (await ReferenceChoices.FiltersAsync(db.Audiences, ct)).Select(a => new Choice(a.Slug, a.Name))],
            await db.Surveys.AsNoTracking().Where(s => s.Status != SurveyStatus.Draft).OrderBy(s => s.Title)
                .Select(s => new Choice(s.Id.ToString(), s.Title, s.Status == SurveyStatus.Open ? "ouverte" : "fermée")).ToListAsync(ct),
            await db.WikiPages.AsNoTracking().Where(p => p.Type == WikiPageType.ExperienceReport && p.CurrentRevisionId != null)
                .OrderBy(p => p.Title).Select(p => new Choice(p.Id.ToString(), p.Title, null)).ToListAsync(ct));

        var rows = await db.Syntheses.AsNoTracking().Where(s => s.PageCount > 0).OrderByDescending(s => s.GeneratedAt).Take(30)
            .Select(s => new { s.Reference, s.Title, s.GeneratedAt, s.GeneratedByName, s.PageCount, Size = (long)s.Pdf.Length, s.Fingerprint, s.Parameters })
            .ToListAsync(ct);
        // Syntheses of the same parameters share one recomputation: the fingerprint reads every row in scope.
        var current = new Dictionary<string, string>();
        var history = new List<Past>();
        foreach (var r in rows)
        {
            if (!current.TryGetValue(r.Parameters, out var now))
                current[r.Parameters] = now = await SynthesisContent.CurrentFingerprintAsync(db, SynthesisRequest.FromJson(r.Parameters), suppression.Threshold, ct);
            history.Add(new Past(r.Reference, r.Title, r.GeneratedAt, r.GeneratedByName, r.PageCount, r.Size, r.Fingerprint,
                now != r.Fingerprint, r.Parameters));
        }
        History = history;
    }
}
