namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// Declared against observed (issue #19): for each tool, what survey respondents say they use beside what workshops were
/// seen using, over the dashboard's period and filters, then quartier by quartier. Public with the publication rule; the
/// CSV is the table.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class DeclaredObservedModel(ObservatoireDbContext db, Suppression suppression, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public DashboardFilter Filter { get; set; } = new();

    public DashboardFilter Normalized { get; private set; } = new();
    public DeclaredObserved.Result Result { get; private set; } = null!;
    public IReadOnlyList<DeclaredObserved.Line> Lines { get; private set; } = [];
    public IReadOnlyList<DeclaredObserved.FeedingQuestion> Questions { get; private set; } = [];
    public bool Member { get; private set; }
    public Suppression Suppression => suppression;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The overall table and each quartier's, as the page shows them (a « Territoire » column tells them apart).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var rows = Rows("Ensemble", Lines)
            .Concat(Result.Places.SelectMany(p => Rows(p.Name, LinesOf(p.Comparison))));
        return File(Csv.Write(["Territoire", "Outil", "Répondants qui le déclarent", "Part des répondants", "Observations qui le citent",
            "Part des observations", "Écart (points)", "Signalement"], rows), Csv.ContentType, $"declare-observe-{Normalized.From:yyyy-MM-dd}-{Normalized.To:yyyy-MM-dd}.csv");
    }

    public IReadOnlyList<DeclaredObserved.Line> LinesOf(DeclaredObserved.Comparison c) =>
        DeclaredObserved.Lines(c, suppression, suppressObservations: !Member);

    /// <summary>A base (respondents, observations) as this reader may read it.</summary>
    public string Base(int count, bool survey) => survey || !Member ? suppression.Format(count) : count.ToString("N0", French.Culture);

    private static IEnumerable<string?[]> Rows(string place, IEnumerable<DeclaredObserved.Line> lines) =>
        lines.Select(l => new string?[]
        {
            place, l.Name, l.Declared, DeclaredObserved.Percent(l.DeclaredShare), l.Observed, DeclaredObserved.Percent(l.ObservedShare),
            l.Gap?.ToString("0.#", French.Culture) ?? "", l.Flag ?? "",
        });

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(DateTime.UtcNow);
        Normalized = ModelState.IsValid ? Filter.Normalized(today) : new DashboardFilter().Normalized(today);
        Member = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        var scope = await Indicators.ResolveAsync(db, Normalized, ct);
        Result = await DeclaredObserved.ComputeAsync(db, scope, suppression.Threshold, ct);
        Lines = LinesOf(Result.Overall);
        Questions = await DeclaredObserved.FeedingQuestionsAsync(db, ct: ct);
    }
}
