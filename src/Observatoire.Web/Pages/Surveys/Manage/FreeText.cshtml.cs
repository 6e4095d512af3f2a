namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>
/// One free text of a survey and Coordination's decision on it: publish as typed, publish a masked version, or keep it
/// internal (<see cref="Analysis.PublicationRule"/>). After a decision taken here, the next text to read opens; from the
/// list (<see cref="FreeTextsModel"/>), the list comes back.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class FreeTextModel(ObservatoireDbContext db) : PageModel
{
    public const string MaskToken = "[masqué]";

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Masked { get; set; }
    /// <summary>The list tab the decision was taken from (its slug), to go back to.</summary>
    [BindProperty(Name = "retour")] public string? Back { get; set; }

    public int SurveyId { get; private set; }
    public string Title { get; private set; } = "";
    public FreeTextsModel.Item Answer { get; private set; } = null!;
    public long? NextToReview { get; private set; }
    public int ToReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, long answerId, CancellationToken ct)
    {
        if (!await LoadAsync(id, answerId, ct)) return NotFound();
        Masked = Answer.MaskedText ?? Answer.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, long answerId, CancellationToken ct)
    {
        var answer = await db.Answers.SingleOrDefaultAsync(a => a.Id == answerId && a.Question.SurveyId == id && a.Text != null, ct);
        if (answer is null) return NotFound();
        var masked = Masked?.Trim();
        string? refused = Decision switch
        {
            "publier" or "interne" => null,
            // The portal's rule for typed text (UserTextFilter) has already said what it refuses in the field.
            "masquer" when ModelState[nameof(Masked)]?.Errors.FirstOrDefault()?.ErrorMessage is { } typed => typed,
            "masquer" when string.IsNullOrEmpty(masked) =>
                $"Écrivez la version à publier : la réponse, avec « {MaskToken} » à la place de ce qui permettrait de reconnaître quelqu'un.",
            "masquer" when masked == answer.Text!.Trim() =>
                $"La version masquée est la réponse telle quelle : remplacez par « {MaskToken} » ce qui doit l'être, ou choisissez « Publier telle quelle ».",
            "masquer" when masked!.Length > 4000 => "4 000 caractères au plus.",
            "masquer" => null,
            _ => "Choisissez : publier telle quelle, publier une version masquée, ou garder en interne.",
        };
        if (refused is not null)
        {
            if (!await LoadAsync(id, answerId, ct)) return NotFound();
            ModelState.Clear();
            ModelState.AddModelError(nameof(Masked), refused);
            return Page();
        }
        (answer.TextReview, answer.MaskedText) = Decision switch
        {
            "publier" => (TextReview.Published, (string?)null),
            "masquer" => (TextReview.Masked, masked),
            _ => (TextReview.Internal, null),
        };
        answer.ReviewedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = answer.TextReview switch
        {
            TextReview.Published => "Réponse publiée telle quelle : les partenaires la lisent dans les résultats.",
            TextReview.Masked => "Réponse publiée dans sa version masquée.",
            _ => "Réponse gardée en interne : seule la coordination la lit.",
        };
        if (FreeTextsModel.Tabs.Any(t => t.Slug == Back))
            return Redirect($"/enquetes/gestion/{id}/reponses-libres?etat={Back}#etat-liste");
        var next = await FreeTextsModel.Newest(FreeTextsModel.Texts(db, id).Where(a => a.TextReview == TextReview.Pending))
            .Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return Redirect(next is long n ? $"/enquetes/gestion/{id}/reponses-libres/{n}" : $"/enquetes/gestion/{id}/reponses-libres");
    }

    private async Task<bool> LoadAsync(int id, long answerId, CancellationToken ct)
    {
        var title = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.Title).SingleOrDefaultAsync(ct);
        var texts = FreeTextsModel.Texts(db, id);
        var answer = await texts.Where(a => a.Id == answerId)
            .Select(a => new FreeTextsModel.Item(a.Id, a.Question.Text, a.Response.CreatedAt, a.Response.IsAssisted, a.Text!, a.TextReview, a.MaskedText))
            .SingleOrDefaultAsync(ct);
        if (title is null || answer is null) return false;
        (SurveyId, Title, Answer) = (id, title, answer);
        var pending = texts.Where(a => a.TextReview == TextReview.Pending);
        ToReview = await pending.CountAsync(ct);
        NextToReview = await FreeTextsModel.Newest(pending.Where(a => a.Id != answerId)).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return true;
    }
}
