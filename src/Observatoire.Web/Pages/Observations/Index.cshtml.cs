namespace Observatoire.Web.Pages.Observations;

/// <summary>The list of observed usages, filtered from the query string.</summary>
[Authorize(Policy = Policies.Member)]
public class IndexModel(ObservatoireDbContext db, IConfiguration configuration) : PageModel
{
    /// <summary>
    /// Setting that bounds the count above the list when the dashboard rollups cannot answer it. At 1M observations
    /// counting up to 1,000 matches of outil=pix takes ~16 ms (a nested loop over the tool's links); up to 10,000 the
    /// planner switches to a hash join over the whole table (0.5–1.2 s).
    /// </summary>
    public const string CountLimitSetting = "Observatoire:Observations:CountLimit";

    public ObservationFilter Filter { get; private set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Matching observations; when <see cref="MoreThanLimit"/>, only known to exceed <see cref="CountLimit"/>.</summary>
    public int Total { get; private set; }
    public bool MoreThanLimit { get; private set; }
    public int CountLimit { get; private set; }
    /// <summary>Participants of every matching observation; null when they were not all counted.</summary>
    public long? Participants { get; private set; }
    /// <summary>Number of pages; null when the total is only bounded.</summary>
    public int? Pages { get; private set; }
    public int PageShown { get; private set; }
    public bool HasNext { get; private set; }
    public bool CanCreate { get; private set; }
    public int ToReview { get; private set; }
    public FilterChoices Choices { get; private set; } = null!;

    public record Row(int Id, string Title, DateOnly ObservedOn, string Structure, string Territory, string[] Tools,
        string[] Themes, int Participants, ObservationStatus Status, bool Returned);

    public record Option(string Slug, string Name);

    public record FilterChoices(List<Option> Territories, List<Option> Structures, List<Option> Tools, List<Option> Themes,
        List<Option> Audiences);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = ObservationFilter.Parse(Request.Query);
        CountLimit = Math.Max(1, configuration.GetValue(CountLimitSetting, 1_000));
        // Every statement of this page stops early (LIMIT) or reads a few rows: starting parallel workers costs more
        // (≈ 30 ms on two cores) and makes the planner prefer a hash join over the whole table for the bounded count.
        // The setting lasts until the end of this read-only transaction, rolled back when the page is done: pooled
        // connections are not reset on their return to the pool (DataExtensions.WithPortalDefaults).
        await db.Database.OpenConnectionAsync(ct);
        await using var readOnly = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(Indicators.NoParallelWorkers, ct);
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        CanCreate = access.IsContributor;
        var ids = await Filter.ResolveAsync(db, ct);
        var query = Filter.Apply(db, access.Visible(db.Observations.AsNoTracking()), ids);

        // Counting every match was the page's main cost at 1M observations (450k rows for one theme): the rollups
        // answer it when they hold exactly the rows shown, otherwise the count stops past the limit.
        if (RollupScope(access, ids) is { } scope)
        {
            var totals = await Indicators.TotalsAsync(db, scope, ct);
            Total = totals.Observations;
            Participants = totals.Participants;
        }
        else
        {
            var bounded = await query.Select(o => o.ParticipantsCount).Take(CountLimit + 1)
                .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Participants = g.Sum(p => (long)p) })
                .SingleOrDefaultAsync(ct);
            MoreThanLimit = bounded?.Count > CountLimit;
            Total = MoreThanLimit ? CountLimit : bounded?.Count ?? 0;
            Participants = MoreThanLimit ? null : bounded?.Participants ?? 0;
        }
        Pages = MoreThanLimit ? null : Math.Max(1, (Total + ObservationFilter.PageSize - 1) / ObservationFilter.PageSize);
        PageShown = Pages is int pages ? Math.Min(Filter.Page, pages) : Filter.Page;
        // One row more than a page says whether a next page exists when the number of pages is not known.
        var rows = await Filter.Order(query)
            .Skip((PageShown - 1) * ObservationFilter.PageSize).Take(ObservationFilter.PageSize + 1)
            .Select(o => new Row(o.Id, o.Title, o.ObservedOn, o.Structure.Name, Territory.Label(o.Territory.Name, o.Territory.Parent == null ? null : o.Territory.Parent.Name, o.Territory.RetiredAt != null),
                o.Tools.OrderBy(t => t.Name).Select(t => t.Name).ToArray(),
                o.Themes.OrderBy(t => t.SortOrder).Select(t => t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark).ToArray(),
                o.ParticipantsCount, o.Status, o.Status == ObservationStatus.Draft && o.ReviewComment != null))
            .ToListAsync(ct);
        HasNext = rows.Count > ObservationFilter.PageSize;
        Rows = rows.Take(ObservationFilter.PageSize).ToList();
        if (access.IsCoordination)
            ToReview = await db.Observations.CountAsync(o => o.Status == ObservationStatus.Submitted, ct);
        Choices = new FilterChoices(
            [.. (await ReferenceChoices.TerritoryFiltersAsync(db, ct)).Select(t => new Option(t.Slug, t.Name))],
            await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new Option(s.Slug, s.Name)).ToListAsync(ct),
            await db.DigitalTools.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Slug, t.Name)).ToListAsync(ct),
            [.. (await ReferenceChoices.FiltersAsync(db.Themes, ct)).Select(t => new Option(t.Slug, t.Name))],
            [.. (await ReferenceChoices.FiltersAsync(db.Audiences, ct)).Select(a => new Option(a.Slug, a.Name))]);
    }

    /// <summary>
    /// The dashboard's scope for this list when its rollups hold exactly the rows listed: validated observations
    /// only (all a partner sees, or the "validée" status filter), filtered by period, territory, theme and
    /// audience only (the rollups have no tool, single-structure or text dimension). Same figures as the dashboard.
    /// </summary>
    private Indicators.Scope? RollupScope(ObservationAccess access, ObservationFilter.Ids ids)
    {
        var validatedOnly = Filter.Status == ObservationStatus.Validated || (Filter.Status is null && !access.IsContributor);
        if (!validatedOnly || Filter.Structure is not null || Filter.Tool is not null || Filter.Text is not null) return null;
        var from = Filter.From ?? DateOnly.MinValue;
        var to = Filter.To ?? LastRollupDay;
        // The scope splits the period at month boundaries and needs the day after its end.
        if (to > LastRollupDay) return null;
        return new Indicators.Scope(from, to, ids.Territories,
            ids.Theme is int theme ? [theme] : null, ids.Audience is int audience ? [audience] : null, null);
    }

    /// <summary>Last day of the month before the last one DateOnly can hold: open-ended periods end here.</summary>
    private static readonly DateOnly LastRollupDay = new(9999, 11, 30);
}
