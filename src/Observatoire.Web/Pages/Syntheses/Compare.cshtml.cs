namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// Two stored syntheses (<c>?a=SYN-…&amp;b=SYN-…</c>), or today's figures of two periods with the same filters
/// (<c>?du=…&amp;au=…&amp;du2=…&amp;au2=…&amp;territoire=…</c>): figure by figure, what changed and why. Between two syntheses,
/// the observations that entered or left the scope (from the ids each kept) and the list values merged or renamed in
/// between. Readable by whoever may download syntheses; an observation is linked only for someone who may open it.
/// </summary>
[Authorize(Policy = Policies.Reader)]
[ReadsFromReplica]
public class CompareModel(ObservatoireDbContext db, Suppression suppression) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "a")] public string? First { get; set; }
    [BindProperty(SupportsGet = true, Name = "b")] public string? Second { get; set; }

    /// <summary>The first period and the filters of a comparison of periods.</summary>
    [BindProperty(SupportsGet = true)] public SynthesisRequest Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "du2"), Display(Name = "Du (seconde période)")] public DateOnly? From2 { get; set; }
    [BindProperty(SupportsGet = true, Name = "au2"), Display(Name = "Au (seconde période)")] public DateOnly? To2 { get; set; }

    public sealed record Side(string Title, string Period, string? Reference = null, DateTime? GeneratedAt = null, string? GeneratedBy = null);

    /// <summary>Null until there is something to compare: the page then shows the form of two periods.</summary>
    public Side? Earlier { get; private set; }
    public Side? Later { get; private set; }
    public bool OfSyntheses => Earlier?.Reference is not null;
    public bool SameParameters { get; private set; } = true;
    /// <summary>References of the syntheses generated before their figures were kept (nothing to compare figure by figure).</summary>
    public IReadOnlyList<string> WithoutFigures { get; private set; } = [];
    public IReadOnlyList<string> WithoutObservations { get; private set; } = [];
    public IReadOnlyList<SynthesisComparison.FigureRow> Figures { get; private set; } = [];
    public IReadOnlyList<SynthesisComparison.ChartRows> Charts { get; private set; } = [];
    public SynthesisComparison.Movement? Entered { get; private set; }
    public SynthesisComparison.Movement? Left { get; private set; }
    /// <summary>Counted by both, with counted fields edited in between: their figures may differ without any entering or leaving.</summary>
    public SynthesisComparison.Movement? Edited { get; private set; }
    public IReadOnlyList<SynthesisComparison.ReferenceChange> ReferenceChanges { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public int Threshold => suppression.Threshold;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (First is not null || Second is not null) return await SynthesesAsync(ct);
        if (Input.From is null && Input.To is null && From2 is null && To2 is null) return Page();
        return await PeriodsAsync(ct);
    }

    private async Task<IActionResult> SynthesesAsync(CancellationToken ct)
    {
        if (First is not { Length: <= 20 } || Second is not { Length: <= 20 }) return NotFound();
        string[] references = [First, Second];
        var found = await db.Syntheses.AsNoTracking().Where(s => references.Contains(s.Reference) && s.PageCount > 0)
            .Select(s => new { s.Reference, s.Title, s.GeneratedAt, s.GeneratedByName, s.Parameters, s.ObservationIds, s.Figures })
            .ToListAsync(ct);
        if (found.Count != references.Distinct().Count()) return NotFound();
        // Earlier and later by generation, whichever was chosen first: « entered » means since the earlier one.
        var (a, b) = (found.MinBy(s => s.GeneratedAt)!, found.MaxBy(s => s.GeneratedAt)!);
        var (ra, rb) = (SynthesisRequest.FromJson(a.Parameters), SynthesisRequest.FromJson(b.Parameters));
        Earlier = new Side(a.Title, ParisTime.Period(ra.From!.Value, ra.To!.Value), a.Reference, a.GeneratedAt, a.GeneratedByName);
        Later = new Side(b.Title, ParisTime.Period(rb.From!.Value, rb.To!.Value), b.Reference, b.GeneratedAt, b.GeneratedByName);
        SameParameters = SynthesisComparison.Scope(ra) == SynthesisComparison.Scope(rb);

        var (fa, fb) = (SynthesisFigures.FromJson(a.Figures), SynthesisFigures.FromJson(b.Figures));
        WithoutFigures = [.. new[] { (a.Reference, fa), (b.Reference, fb) }.Where(x => x.Item2 is null).Select(x => x.Reference).Distinct()];
        if (fa is not null && fb is not null) (Figures, Charts) = (SynthesisComparison.Figures(fa, fb), SynthesisComparison.Charts(fa, fb));

        WithoutObservations = [.. new[] { (a.Reference, a.ObservationIds), (b.Reference, b.ObservationIds) }
            .Where(x => x.ObservationIds is null).Select(x => x.Reference).Distinct()];
        if (a.ObservationIds is { } before && b.ObservationIds is { } after)
        {
            var access = await ObservationAccess.LoadAsync(db, User, ct);
            var counted = new HashSet<int>(before);
            counted.UnionWith(after);
            var edits = await SynthesisComparison.EditsAsync(db, counted, a.GeneratedAt, b.GeneratedAt, ct);
            Entered = await SynthesisComparison.MovementAsync(db, access, [.. after.Except(before)], SynthesisComparison.Direction.Entered, a.GeneratedAt, edits, ct);
            Left = await SynthesisComparison.MovementAsync(db, access, [.. before.Except(after)], SynthesisComparison.Direction.Left, a.GeneratedAt, edits, ct);
            Edited = await SynthesisComparison.MovementAsync(db, access, [.. before.Intersect(after).Where(edits.ContainsKey).Order()],
                SynthesisComparison.Direction.Edited, a.GeneratedAt, edits, ct);
        }

        // The values the syntheses name: their bars, and the chosen territories, themes and audiences (by today's name).
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in new[] { fa, fb }.OfType<SynthesisFigures>())
            foreach (var bar in f.Charts.SelectMany(c => c.Bars))
            {
                names.Add(bar.Label);
                if (bar.Group is not null) names.Add(bar.Group);
            }
        string[] territories = [.. ra.Territories.Union(rb.Territories)], themes = [.. ra.Themes.Union(rb.Themes)], audiences = [.. ra.Audiences.Union(rb.Audiences)];
        names.UnionWith(await db.Territories.AsNoTracking().Where(t => territories.Contains(t.Slug)).Select(t => t.Name).ToListAsync(ct));
        names.UnionWith(await db.Themes.AsNoTracking().Where(t => themes.Contains(t.Slug)).Select(t => t.Name).ToListAsync(ct));
        names.UnionWith(await db.Audiences.AsNoTracking().Where(t => audiences.Contains(t.Slug)).Select(t => t.Name).ToListAsync(ct));
        ReferenceChanges = await SynthesisComparison.ReferenceChangesAsync(db, a.GeneratedAt, b.GeneratedAt, names, ct);
        return Page();
    }

    private async Task<IActionResult> PeriodsAsync(CancellationToken ct)
    {
        var second = new SynthesisRequest { From = From2, To = To2 };
        var errors = new List<string>();
        if (!ModelState.IsValid) errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (Input.From is null || Input.To is null || From2 is null || To2 is null)
            errors.Add("Indiquez le début et la fin de chacune des deux périodes.");
        else errors.AddRange(Input.Check().Concat(second.Check()).Select(e => e.Message));
        if (errors.Count > 0)
        {
            Errors = [.. errors.Distinct()];
            return Page();
        }
        var first = Input.Normalized();
        second.Territories = first.Territories;
        second.Themes = first.Themes;
        second.Audiences = first.Audiences;
        var (fa, fb) = (await SynthesisFigures.LoadAsync(db, first.Filter(), suppression, ct),
            await SynthesisFigures.LoadAsync(db, second.Normalized().Filter(), suppression, ct));
        Earlier = new Side("Première période", ParisTime.Period(first.From!.Value, first.To!.Value));
        Later = new Side("Seconde période", ParisTime.Period(From2!.Value, To2!.Value));
        (Figures, Charts) = (SynthesisComparison.Figures(fa, fb), SynthesisComparison.Charts(fa, fb));
        return Page();
    }
}
