namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>
/// Coordination reads a survey's free texts before anyone else does: each is published as typed, published with the parts
/// that would tell who wrote it replaced by « [masqué] », or kept internal (<see cref="Analysis.PublicationRule"/>). Until
/// then partners do not see it on the results page and no export gives it. This is the list, by state; each answer has its
/// own page (<see cref="FreeTextModel"/>), where the decisions are taken.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class FreeTextsModel(ObservatoireDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Item(long Id, string Question, DateTime At, bool Assisted, string Text, TextReview Review, string? MaskedText);

    /// <summary>The tabs, as their addresses say them.</summary>
    public static readonly IReadOnlyList<(string Slug, TextReview Review, string Label)> Tabs =
    [
        ("a-relire", TextReview.Pending, "À relire"),
        ("publiees", TextReview.Published, "Publiées"),
        ("masquees", TextReview.Masked, "Publiées masquées"),
        ("internes", TextReview.Internal, "Gardées en interne"),
    ];

    public static string StateLabel(TextReview review) => review switch
    {
        TextReview.Published => "publiée telle quelle",
        TextReview.Masked => "publiée masquée",
        TextReview.Internal => "gardée en interne",
        _ => "à relire",
    };

    [BindProperty(SupportsGet = true, Name = "etat")] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int SurveyId { get; private set; }
    public string Title { get; private set; } = "";
    public TextReview Shown { get; private set; }
    public string ShownSlug => Tabs.Single(t => t.Review == Shown).Slug;
    public IReadOnlyDictionary<TextReview, int> Counts { get; private set; } = new Dictionary<TextReview, int>();
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var title = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        (SurveyId, Title) = (id, title);
        Shown = Tabs.Where(t => t.Slug == Tab).Select(t => t.Review).FirstOrDefault();
        var texts = Texts(db, id);
        Counts = await texts.GroupBy(a => a.TextReview).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Counts.GetValueOrDefault(Shown) + PageSize - 1) / PageSize));
        Items = await Newest(texts.Where(a => a.TextReview == Shown)).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Item(a.Id, a.Question.Text, a.Response.CreatedAt, a.Response.IsAssisted, a.Text!, a.TextReview, a.MaskedText))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The free texts of a survey.</summary>
    public static IQueryable<Answer> Texts(ObservatoireDbContext db, int surveyId) =>
        db.Answers.AsNoTracking().Where(a => a.Question.SurveyId == surveyId && a.Text != null);

    /// <summary>The order of the lists and of « suivante »: the most recent first, as in the observations to validate.</summary>
    public static IOrderedQueryable<Answer> Newest(IQueryable<Answer> answers) => answers.OrderByDescending(a => a.ResponseId).ThenBy(a => a.Id);
}
