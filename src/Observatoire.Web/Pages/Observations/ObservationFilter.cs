using Microsoft.AspNetCore.WebUtilities;

namespace Observatoire.Web.Pages.Observations;

/// <summary>
/// The filters of the observation list, read from and written to the query string so that a filtered view can be
/// shared (<c>/observations?theme=emploi&amp;territoire=rabiere&amp;statut=validee</c>). The list, the CSV and JSON
/// exports and any page linking to a filtered list (the dashboard) use this one type.
/// </summary>
public sealed record ObservationFilter
{
    public const int PageSize = 25;

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Territory slug; a commune includes its quartiers.</summary>
    public string? Territory { get; init; }
    public string? Structure { get; init; }
    public string? Tool { get; init; }
    public string? Theme { get; init; }
    public string? Audience { get; init; }
    public ObservationStatus? Status { get; init; }
    /// <summary>French full-text search, accents ignored (web search syntax: "phrase", -mot, or).</summary>
    public string? Text { get; init; }
    public ObservationSort Sort { get; init; } = ObservationSort.Recent;
    public int Page { get; init; } = 1;

    /// <summary>Query-string names, French and stable: links elsewhere depend on them.</summary>
    public static class Keys
    {
        public const string From = "du", To = "au", Territory = "territoire", Structure = "structure", Tool = "outil",
            Theme = "theme", Audience = "public", Status = "statut", Text = "q", Sort = "tri", Page = "page";
    }

    public static readonly IReadOnlyDictionary<ObservationStatus, string> StatusSlugs = new Dictionary<ObservationStatus, string>
    {
        [ObservationStatus.Draft] = "brouillon",
        [ObservationStatus.Submitted] = "soumise",
        [ObservationStatus.Validated] = "validee",
    };

    public static readonly IReadOnlyDictionary<ObservationSort, string> SortSlugs = new Dictionary<ObservationSort, string>
    {
        [ObservationSort.Recent] = "recent",
        [ObservationSort.Oldest] = "ancien",
        [ObservationSort.Participants] = "participants",
        [ObservationSort.Title] = "titre",
    };

    /// <summary>Reads the filter from a query string; values that do not parse are ignored rather than failing the page.</summary>
    public static ObservationFilter Parse(IQueryCollection query)
    {
        string? Get(string key)
        {
            var value = query[key].ToString().Trim();
            return value.Length == 0 ? null : value.Length > 200 ? value[..200] : value;
        }
        static DateOnly? Date(string? s) =>
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        return new ObservationFilter
        {
            From = Date(Get(Keys.From)),
            To = Date(Get(Keys.To)),
            Territory = Get(Keys.Territory),
            Structure = Get(Keys.Structure),
            Tool = Get(Keys.Tool),
            Theme = Get(Keys.Theme),
            Audience = Get(Keys.Audience),
            Status = StatusSlugs.Where(s => s.Value == Get(Keys.Status)?.ToLowerInvariant()).Select(s => (ObservationStatus?)s.Key).FirstOrDefault(),
            Text = Get(Keys.Text),
            Sort = SortSlugs.Where(s => s.Value == Get(Keys.Sort)).Select(s => s.Key).FirstOrDefault(ObservationSort.Recent),
            Page = int.TryParse(Get(Keys.Page), out var p) && p >= 1 && p <= 100_000 ? p : 1,
        };
    }

    /// <summary>The filter as query parameters (defaults left out), for links and forms.</summary>
    public Dictionary<string, string?> ToQuery()
    {
        var q = new Dictionary<string, string?>();
        if (From is { } from) q[Keys.From] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (To is { } to) q[Keys.To] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Territory is not null) q[Keys.Territory] = Territory;
        if (Structure is not null) q[Keys.Structure] = Structure;
        if (Tool is not null) q[Keys.Tool] = Tool;
        if (Theme is not null) q[Keys.Theme] = Theme;
        if (Audience is not null) q[Keys.Audience] = Audience;
        if (Status is { } status) q[Keys.Status] = StatusSlugs[status];
        if (Text is not null) q[Keys.Text] = Text;
        if (Sort != ObservationSort.Recent) q[Keys.Sort] = SortSlugs[Sort];
        if (Page > 1) q[Keys.Page] = Page.ToString(CultureInfo.InvariantCulture);
        return q;
    }

    /// <summary>A link to <paramref name="path"/> with this filter, e.g. <c>filter with { Page = 2 }</c>.Url().</summary>
    public string Url(string path = "/observations") => QueryHelpers.AddQueryString(path, ToQuery());

    public bool IsEmpty => ActiveCount == 0;

    /// <summary>How many criteria narrow the list (the sort and the page do not).</summary>
    public int ActiveCount =>
        new object?[] { From, To, Territory, Structure, Tool, Theme, Audience, Status, Text }.Count(v => v is not null);

    /// <summary>The filter's slugs turned into ids; an unknown slug is -1 (or no territory), which matches nothing.</summary>
    public sealed record Ids(int[]? Territories, int? Structure, int? Tool, int? Theme, int? Audience);

    /// <summary>
    /// Resolves slugs to ids before the main query: compared through a join on the slug, PostgreSQL cannot know which
    /// theme or tool is meant and guesses a small share of rows (19k for theme=emploi, which has 450k at 1M
    /// observations), then picks a nested loop of look-ups; with the id it reads the statistics of that value.
    /// </summary>
    public async Task<Ids> ResolveAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var territories = Territory is { } t ? await Indicators.TerritoryIdsAsync(db, [t], ct) : null;
        return new Ids(territories,
            Structure is { } s ? await db.Structures.Where(x => x.Slug == s).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct) ?? -1 : null,
            Tool is { } tool ? await db.DigitalTools.Where(x => x.Slug == tool).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct) ?? -1 : null,
            Theme is { } theme ? await db.Themes.Where(x => x.Slug == theme).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct) ?? -1 : null,
            Audience is { } a ? await db.Audiences.Where(x => x.Slug == a).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct) ?? -1 : null);
    }

    /// <summary>Keeps the observations matching every filter given. Apply it after the viewer's visibility rule.</summary>
    public IQueryable<Observation> Apply(ObservatoireDbContext db, IQueryable<Observation> query, Ids ids)
    {
        if (From is { } from) query = query.Where(o => o.ObservedOn >= from);
        if (To is { } to) query = query.Where(o => o.ObservedOn <= to);
        if (ids.Territories is { } territories) query = query.Where(o => territories.Contains(o.TerritoryId));
        if (ids.Structure is int structure) query = query.Where(o => o.StructureId == structure);
        if (ids.Tool is int tool) query = Linked(db, query, "ObservationTools", "ToolsId", tool);
        if (ids.Theme is int theme) query = Linked(db, query, "ObservationThemes", "ThemesId", theme);
        if (ids.Audience is int audience) query = Linked(db, query, "ObservationAudiences", "AudiencesId", audience);
        if (Status is { } status) query = query.Where(o => o.Status == status);
        if (Text is { } text)
            query = query.Where(o => o.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ObservatoireDbContext.SearchConfig, text)));
        return query;
    }

    /// <summary>
    /// Observations linked to one tool, theme or audience, tested on the link table alone: through the skip
    /// navigation (o.Tools.Any(t => t.Id == id)) EF also joins the tool table, and PostgreSQL then reads every
    /// candidate observation and hashes the links (450 ms for outil=pix at 1M) instead of following the links'
    /// index to the few observations it needs (a nested loop that stops at the page or the count limit).
    /// </summary>
    private static IQueryable<Observation> Linked(ObservatoireDbContext db, IQueryable<Observation> query, string table, string key, int id) =>
        query.Where(o => db.Set<Dictionary<string, object>>(table)
            .Any(l => EF.Property<int>(l, "ObservationId") == o.Id && EF.Property<int>(l, key) == id));

    public IOrderedQueryable<Observation> Order(IQueryable<Observation> query) => Sort switch
    {
        ObservationSort.Oldest => query.OrderBy(o => o.ObservedOn).ThenBy(o => o.Id),
        ObservationSort.Participants => query.OrderByDescending(o => o.ParticipantsCount).ThenByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id),
        ObservationSort.Title => query.OrderBy(o => o.Title).ThenBy(o => o.Id),
        _ => query.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id),
    };
}

public enum ObservationSort { Recent, Oldest, Participants, Title }
