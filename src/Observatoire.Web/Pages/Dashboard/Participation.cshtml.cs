namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// Who takes part (issue #19, the participation mirror): contributions to the observatory by actor category, structure
/// kind, territory and period. Members read exact counts for each kind; everyone else reads a summary (contributions and
/// contributors per group) with small groups suppressed (<see cref="Participation.Cell"/>). The CSV is the page's tables.
/// </summary>
[AllowAnonymous]
[ReadsFromReplica]
public class ParticipationModel(ObservatoireDbContext db, Suppression suppression, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public DashboardFilter Filter { get; set; } = new();
    /// <summary>« mois » (default) or « trimestre »: the rows of the table by period.</summary>
    [BindProperty(SupportsGet = true, Name = "pas"), Display(Name = "Pas"), RegularExpression("mois|trimestre", ErrorMessage = "Le pas est « mois » ou « trimestre ».")]
    public string? StepName { get; set; }

    public DashboardFilter Normalized { get; private set; } = new();
    public Participation.Step Step => StepName == "trimestre" ? Participation.Step.Quarter : Participation.Step.Month;
    public Participation.Mirror Mirror { get; private set; } = null!;
    public bool Member { get; private set; }
    public Suppression Suppression => suppression;
    public IReadOnlyList<ReferenceChoices.Filter> Territories { get; private set; } = [];
    public IReadOnlyList<ReferenceChoices.Filter> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Territories = await ReferenceChoices.TerritoryFiltersAsync(db, ct);
        Kinds = await ReferenceChoices.FiltersAsync(db.StructureKinds, ct);
        return Page();
    }

    /// <summary>Every table of the page, one line per group, with the counts as this visitor reads them.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var kinds = Columns(Enum.GetValues<Participation.Kind>());
        var header = new[] { "Répartition", "Groupe" }.Concat(kinds.Select(k => Participation.Kinds[(int)k].Label))
            .Concat(["Contributions", Participation.Contributors.Label]);
        var rows = Mirror.Tables.SelectMany(t => t.Rows.Select(r => (Table: t.Definition.Label, Columns: t.Columns, Row: r)))
            .Prepend(("Sur la période", Enum.GetValues<Participation.Kind>(), Mirror.Totals))
            .Select(x => (IEnumerable<string?>)[x.Table, x.Row.Label,
                .. kinds.Select(k => x.Columns.Contains(k) ? Cell(x.Row, x.Row.Counts[(int)k]) : ""),
                Cell(x.Row, x.Row.Total), ContributorsCell(x.Row)]);
        return File(Csv.Write(header, rows), Csv.ContentType, $"participation-{Normalized.From:yyyy-MM-dd}-{Normalized.To:yyyy-MM-dd}.csv");
    }

    /// <summary>The kinds a table shows to this visitor: each kind for members, none (the totals only) in the public summary.</summary>
    public IReadOnlyList<Participation.Kind> Columns(IReadOnlyList<Participation.Kind> kinds) => Member ? kinds : [];

    public string Cell(Participation.Row row, int count) => Participation.Cell(row, count, suppression, Member);

    public int? Value(Participation.Row row, int count) => Participation.Value(row, count, suppression, Member);

    public string ContributorsCell(Participation.Row row) => Participation.ContributorsCell(row, suppression, Member);

    public string Query() => Normalized.ToQuery(("pas", Step == Participation.Step.Quarter ? "trimestre" : null));

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(DateTime.UtcNow);
        if (Filter.From is DateOnly from && Filter.To is DateOnly to && to < from)
            ModelState.AddModelError("au", "La date de fin doit être postérieure ou égale à la date de début.");
        if (!ModelState.IsValid) StepName = null;
        // Themes and audiences do not apply to contributions: they are dropped rather than silently ignored in the links.
        Normalized = ModelState.IsValid ? Filter.Normalized(today) : new DashboardFilter().Normalized(today);
        Normalized.Themes = [];
        Normalized.Audiences = [];
        Member = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        var scope = await Indicators.ResolveAsync(db, Normalized, ct);
        Mirror = await Participation.LoadAsync(db, scope, Step, ct);
    }
}
