using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Observatoire.Web.Pages.Surveys;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// Everything a synthesis prints, read once: the dashboard's key figures and charts for the same filter (same
/// catalogue, same queries), highlights, the quoted experience reports at their current revision, the results of
/// the chosen surveys with small groups suppressed, and the contributing structures. Also the data fingerprint.
/// </summary>
public sealed partial class SynthesisContent
{

    public required SynthesisRequest Request { get; init; }
    /// <summary>Who publishes it: the name on the cover and at the top of every page, the territory "all territories" means.</summary>
    public required Observatory Observatory { get; init; }
    public required string Title { get; init; }
    public required DashboardFilter Filter { get; init; }
    /// <summary>The period compared with (same dimensions, the days just before), as the key figures computed it.</summary>
    public required Indicators.Scope Previous { get; init; }
    /// <summary>The chosen territories, themes and audiences by name (empty: all of them).</summary>
    public required ScopeNames Names { get; init; }
    public string TerritoryLabel => Names.Territories.Count > 0 ? string.Join(", ", Names.Territories)
        : Observatory.Territory is { } all ? $"{all} (tous les territoires)" : "Tous les territoires";
    public string? ThemeLabel => Names.Themes.Count == 0 ? null : string.Join(", ", Names.Themes);
    public string? AudienceLabel => Names.Audiences.Count == 0 ? null : string.Join(", ", Names.Audiences);
    public required IReadOnlyList<DashboardFigures.KeyFigure> Figures { get; init; }
    public required IReadOnlyList<DashboardFigures.Chart> Charts { get; init; }
    /// <summary>The quartiers map of observations (<see cref="SynthesisMap"/>).</summary>
    public TerritoryMap? Map { get; init; }
    public required IReadOnlyList<Indicators.Group> TopTools { get; init; }
    public required IReadOnlyList<ThemeChange> ThemeChanges { get; init; }
    public required IReadOnlyList<Report> Reports { get; init; }
    public required IReadOnlyList<SurveyPart> Surveys { get; init; }
    public required IReadOnlyList<Contributor> Structures { get; init; }
    /// <summary>Declared against observed over the chosen surveys' « Outils numériques » answers; null when none asks it.</summary>
    public DeclaredObserved.Result? DeclaredObserved { get; init; }
    public required int Threshold { get; init; }
    public required string Fingerprint { get; init; }
    public int[] WikiRevisionIds => [.. Reports.Select(r => r.RevisionId).Order()];

    public sealed record ScopeNames(IReadOnlyList<string> Territories, IReadOnlyList<string> Themes, IReadOnlyList<string> Audiences);
    public sealed record ThemeChange(string Theme, int Now, int Before);
    public sealed record Report(int PageId, string Title, string Slug, int RevisionId, int RevisionNumber, DateTime RevisionDate, string Html);
    /// <param name="TerritoryQuestion">
    /// With a territory filter: the question through which the answers were restricted to it, or null when the survey asks
    /// none and its answers are those of every territory (said in the chapter's title). Null as well without the filter.
    /// </param>
    public sealed record SurveyPart(int Id, string Title, SurveyStatus Status, SurveyResults Results, string? TerritoryQuestion)
    {
        public bool TerritoryFiltered => TerritoryQuestion is not null;
    }

    /// <param name="Kind">As people read it: « Centre social », « … (retiré) », « Type non précisé ».</param>
    public sealed record Contributor(string Name, string Kind, string Territory, int Observations);

    /// <summary>Loads the content of <paramref name="request"/> (valid and normalized).</summary>
    public static async Task<SynthesisContent> LoadAsync(ObservatoireDbContext db, SynthesisRequest request, Suppression suppression,
        Observatory observatory, CancellationToken ct)
    {
        var filter = request.Filter();
        // Syntheses go to partners, who see every indicator of the dashboard: the same board a partner sees, with the
        // publication rule of what leaves the members' space (small counts « < 5 »). Its scope (resolved once) serves
        // every figure below, and its previous period the comparisons.
        var board = await DashboardFigures.LoadAsync(db, filter, member: true, suppression, ct, publication: true);
        var (scope, previousScope) = (board.Scope, board.Previous);

        var figures = await board.KeyFiguresAsync(ct);
        var charts = new List<DashboardFigures.Chart>();
        foreach (var id in board.ChartIds)
            if (await board.ChartAsync(id, ct) is { } chart)
                // Drill-down links lead into the portal: meaningless on paper.
                charts.Add(chart with { Bars = [.. chart.Bars.Select(b => b with { Href = null })] });

        var themesNow = await Indicators.ByThemeAsync(db, scope, ct);
        var themesBefore = (await Indicators.ByThemeAsync(db, previousScope, ct)).ToDictionary(g => g.Key, g => g.Count);
        var reports = await ReportsAsync(db, request.Reports, ct);
        var surveys = new List<SurveyPart>();
        foreach (var s in await db.Surveys.AsNoTracking()
                     .Where(s => request.Surveys.Contains(s.Id) && s.Status != SurveyStatus.Draft)
                     .OrderBy(s => s.Title).Select(s => new { s.Id, s.Title, s.Status }).ToListAsync(ct))
        {
            // The same rule as the survey's results page, which the chapter's back-link opens (SurveyResults.RestrictedAsync).
            var restriction = await SurveyResults.RestrictionAsync(db, s.Id, scope.TerritoryIds, ct);
            var results = await SurveyResults.RestrictedAsync(db, s.Id, new Dictionary<int, int>(), restriction, ct, maxTexts: 0);
            surveys.Add(new SurveyPart(s.Id, s.Title, s.Status, results, restriction.Question));
        }

        // The chosen surveys are the declared side: their answers are the ones the data fingerprint already covers.
        var surveyIds = surveys.Select(s => s.Id).ToArray();
        var declared = await db.Questions.AnyAsync(q => surveyIds.Contains(q.SurveyId) && q.Type == QuestionType.Tools, ct)
            ? await Analysis.DeclaredObserved.ComputeAsync(db, scope, suppression.Threshold, ct, surveyIds) : null;

        var names = await NamesAsync(db, filter, ct);
        var structures = (await Indicators.ValidatedObservations(db, scope)
                .GroupBy(o => new
                {
                    o.StructureId, o.Structure.Name, Kind = o.Structure.Kind != null ? o.Structure.Kind.Name : null,
                    KindRetiredAt = o.Structure.Kind != null ? o.Structure.Kind.RetiredAt : null,
                    Territory = o.Structure.Territory != null ? o.Structure.Territory.Name : null,
                    Commune = o.Structure.Territory != null && o.Structure.Territory.Parent != null ? o.Structure.Territory.Parent.Name : null,
                })
                .Select(g => new { g.Key.Name, g.Key.Kind, g.Key.KindRetiredAt, g.Key.Territory, g.Key.Commune, Count = g.Count() })
                .ToListAsync(ct))
            .Select(s => new Contributor(s.Name, s.Kind is null ? ReferenceValues.NoKind : ReferenceValues.Of(s.Kind, s.KindRetiredAt),
                s.Territory is null ? "" : Territory.Label(s.Territory, s.Commune), s.Count))
            .ToList();

        return new SynthesisContent
        {
            Request = request,
            Observatory = observatory,
            Title = request.Title ?? DefaultTitle(filter, names),
            Filter = filter,
            Previous = previousScope,
            Names = names,
            Figures = figures,
            Charts = charts,
            Map = await board.MapAsync(Indicators.Observations.Id, ct),
            TopTools = await Indicators.TopToolsAsync(db, scope, 10, ct),
            ThemeChanges = [.. themesNow.Select(t => new ThemeChange(t.Label, t.Count, themesBefore.GetValueOrDefault(t.Key)))],
            Reports = reports,
            Surveys = surveys,
            Structures = [.. structures.OrderByDescending(s => s.Observations).ThenBy(s => s.Name, French.Order)],
            DeclaredObserved = declared,
            Threshold = suppression.Threshold,
            Fingerprint = await FingerprintAsync(db, request, scope, [.. reports.Select(r => r.RevisionId)], suppression.Threshold, ct),
        };
    }

    /// <summary>
    /// "Synthèse 2026 — Rabière, Sanitas — emploi, éducation": the years of the period, the territories, the themes and
    /// the audiences; beyond three of a kind, their number ("5 thèmes"), so that the title stays a title.
    /// </summary>
    public static string DefaultTitle(DashboardFilter filter, ScopeNames names)
    {
        var years = filter.From!.Value.Year == filter.To!.Value.Year ? $"{filter.To.Value.Year}" : $"{filter.From.Value.Year}–{filter.To.Value.Year}";
        var parts = new List<string> { $"Synthèse {years}" };
        static string? Part(IReadOnlyList<string> values, string plural, bool lower) => values.Count switch
        {
            0 => null,
            > 3 => $"{values.Count} {plural}",
            _ => string.Join(", ", values.Select(v => lower ? LowerFirst(v) : v)),
        };
        parts.AddRange(new[] { Part(names.Territories, "territoires", false), Part(names.Themes, "thèmes", true),
            Part(names.Audiences, "publics", true) }.OfType<string>());
        var title = string.Join(" — ", parts);
        // The stored title has 200 characters at most; long names can still exceed it.
        return title.Length <= 200 ? title : title[..199] + "…";
    }

    /// <summary>Names of the chosen territories (by commune, then name), themes and audiences (administrators' order).</summary>
    private static async Task<ScopeNames> NamesAsync(ObservatoireDbContext db, DashboardFilter filter, CancellationToken ct)
    {
        var (territories, themes, audiences) = (filter.Territories, filter.Themes, filter.Audiences);
        return new ScopeNames(
            territories.Length == 0 ? [] : await db.Territories.AsNoTracking().Where(t => territories.Contains(t.Slug))
                .OrderBy(t => t.Parent == null ? t.Name : t.Parent.Name).ThenBy(t => t.ParentId != null).ThenBy(t => t.Name)
                .Select(t => Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name)).ToListAsync(ct),
            themes.Length == 0 ? [] : await db.Themes.AsNoTracking().Where(t => themes.Contains(t.Slug))
                .OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => t.Name).ToListAsync(ct),
            audiences.Length == 0 ? [] : await db.Audiences.AsNoTracking().Where(a => audiences.Contains(a.Slug))
                .OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => a.Name).ToListAsync(ct));
    }

    private static string LowerFirst(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1])
        ? char.ToLower(s[0], French.Culture) + s[1..] : s;

    /// <summary>The current revision of each chosen experience report, images attached to the page inlined as data: URIs.</summary>
    private static async Task<List<Report>> ReportsAsync(ObservatoireDbContext db, int[] pageIds, CancellationToken ct)
    {
        if (pageIds.Length == 0) return [];
        var reports = await db.WikiPages.AsNoTracking()
            .Where(p => pageIds.Contains(p.Id) && p.Type == WikiPageType.ExperienceReport && p.CurrentRevision != null)
            .OrderBy(p => p.Title)
            .Select(p => new Report(p.Id, p.CurrentRevision!.Title, p.Slug, p.CurrentRevision.Id, p.CurrentRevision.Number,
                p.CurrentRevision.CreatedAt, p.CurrentRevision.Html))
            .ToListAsync(ct);
        var result = new List<Report>(reports.Count);
        foreach (var r in reports)
        {
            var names = WikiImage().Matches(r.Html).Where(m => m.Groups["slug"].Value == r.Slug)
                .Select(m => Uri.UnescapeDataString(m.Groups["name"].Value)).Distinct().ToList();
            var html = r.Html;
            if (names.Count > 0)
            {
                var files = await db.WikiAttachments.AsNoTracking()
                    .Where(a => a.PageId == r.PageId && names.Contains(a.FileName) && a.ContentType.StartsWith("image/") && a.Size <= 5_000_000)
                    .Select(a => new { a.FileName, a.ContentType, a.Content }).ToListAsync(ct);
                html = WikiImage().Replace(html, m =>
                    files.FirstOrDefault(f => m.Groups["slug"].Value == r.Slug && f.FileName == Uri.UnescapeDataString(m.Groups["name"].Value)) is { } f
                        ? $"src=\"data:{f.ContentType};base64,{Convert.ToBase64String(f.Content)}\""
                        : m.Value);
            }
            // Links inside the portal mean nothing on paper: their text stays, the link goes.
            result.Add(r with { Html = PortalLink().Replace(html, "$1") });
        }
        return result;
    }

    /// <summary>
    /// SHA-256 (lower-case hex) over a canonical text of what the synthesis used: its normalized parameters, the
    /// suppression threshold, every validated observation in scope with its row version (xmin changes on any
    /// update), the response ids the survey chapters count and the wiki revision ids. Same data, same fingerprint.
    /// </summary>
    public static async Task<string> FingerprintAsync(ObservatoireDbContext db, SynthesisRequest request, Indicators.Scope scope,
        IReadOnlyList<int> wikiRevisionIds, int threshold, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Line("synthese-v1");
        Line("parametres " + request.ToJson());
        Line("seuil " + threshold.ToString(CultureInfo.InvariantCulture));
        // Streamed: a period of a million observations never sits in memory.
        await foreach (var o in Indicators.ValidatedObservations(db, scope).OrderBy(o => o.Id)
                           .Select(o => new { o.Id, o.Version }).AsAsyncEnumerable().WithCancellation(ct))
            Line(string.Create(CultureInfo.InvariantCulture, $"o {o.Id} {o.Version}"));
        // The responses the chapters count: in a survey that asks for a territory, those of the synthesis's territories.
        // One list in id order, as before territory filters applied: an unchanged synthesis keeps its fingerprint.
        var (all, restricted) = (new List<int>(), new List<int>());
        foreach (var surveyId in request.Surveys)
            ((await SurveyResults.RestrictionAsync(db, surveyId, scope.TerritoryIds, ct)).Territories is null ? all : restricted).Add(surveyId);
        var responses = db.Responses.AsNoTracking();
        await foreach (var r in responses.Where(r => all.Contains(r.SurveyId))
                           .Concat(responses.Where(r => restricted.Contains(r.SurveyId)).Where(SurveyResults.NamesOneOf(scope.TerritoryIds ?? [])))
                           .OrderBy(r => r.Id).Select(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
            Line(string.Create(CultureInfo.InvariantCulture, $"r {r}"));
        foreach (var id in wikiRevisionIds.Order())
            Line(string.Create(CultureInfo.InvariantCulture, $"w {id}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint the stored parameters would give today, to tell whether the data changed since.</summary>
    public static async Task<string> CurrentFingerprintAsync(ObservatoireDbContext db, SynthesisRequest request, int threshold,
        CancellationToken ct)
    {
        var scope = await Indicators.ResolveAsync(db, request.Filter(), ct);
        var revisions = await db.WikiPages.AsNoTracking()
            .Where(p => request.Reports.Contains(p.Id) && p.Type == WikiPageType.ExperienceReport && p.CurrentRevisionId != null)
            .Select(p => p.CurrentRevisionId!.Value).ToListAsync(ct);
        return await FingerprintAsync(db, request, scope, revisions, threshold, ct);
    }

    [GeneratedRegex("<a\\b[^>]*\\bhref=\"/[^\"]*\"[^>]*>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex PortalLink();

    [GeneratedRegex("src=\"/wiki/(?<slug>[a-z0-9-]+)/fichiers/(?<name>[^\"/?#]+)\"")]
    private static partial Regex WikiImage();
}
