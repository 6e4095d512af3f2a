namespace Observatoire.Web.Pages.Surveys;

/// <summary>The confirmation shown after a response is stored (or a preview is finished).</summary>
public class ThanksModel(ObservatoireDbContext db) : PageModel
{
    public int SurveyId { get; private set; }
    public string Slug { get; private set; } = "";
    public bool Preview { get; private set; }
    public bool Assisted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? apercu, string? assiste, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Slug == slug).Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(ct);
        if (survey is null) return NotFound();
        // A draft exists only in the builder's preview: its slug must not be confirmed to anyone else.
        var coordination = User.IsCoordination();
        if (survey.Status == SurveyStatus.Draft && !(apercu == "1" && coordination)) return NotFound();
        (SurveyId, Slug, Preview, Assisted) = (survey.Id, slug, apercu == "1", assiste == "1");
        return Page();
    }
}
