namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>Coordination's list of surveys, and the start of a new one.</summary>
[Authorize(Policy = Policies.Coordination)]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public record Row(int Id, string Title, string Slug, SurveyStatus Status, DateTime? OpensAt, DateTime? ClosesAt, int Questions, int Responses);

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un titre à l'enquête.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        [Display(Name = "Titre de la nouvelle enquête")]
        public string Title { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = DateTime.UtcNow;
        var title = Input.Title.Trim();
        var survey = new Survey
        {
            Title = title, Slug = await SurveyEditing.NewSlugAsync(db, title, ct), Status = SurveyStatus.Draft,
            CreatedAt = now, UpdatedAt = now,
        };
        survey.Sections.Add(new SurveySection { Survey = survey, Order = 0, Title = "Première partie" });
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Enquête créée en brouillon. Ajoutez ses questions.";
        return RedirectToPage("Edit", new { id = survey.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Surveys.AsNoTracking()
            .OrderBy(s => s.Status == SurveyStatus.Closed).ThenByDescending(s => s.UpdatedAt)
            .Select(s => new Row(s.Id, s.Title, s.Slug, s.Status, s.OpensAt, s.ClosesAt, s.Questions.Count,
                db.Responses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);
}
