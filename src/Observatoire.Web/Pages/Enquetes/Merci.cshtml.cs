using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;

namespace Observatoire.Web.Pages.Enquetes;

/// <summary>The confirmation shown after a response is stored (or a preview is finished).</summary>
public class MerciModel(ObservatoireDbContext db) : PageModel
{
    public int SurveyId { get; private set; }
    public string Slug { get; private set; } = "";
    public bool Preview { get; private set; }
    public bool Assisted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? apercu, string? assiste, CancellationToken ct)
    {
        var id = await db.Surveys.AsNoTracking().Where(s => s.Slug == slug).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (id is null) return NotFound();
        (SurveyId, Slug, Preview, Assisted) = (id.Value, slug, apercu == "1", assiste == "1");
        return Page();
    }
}
