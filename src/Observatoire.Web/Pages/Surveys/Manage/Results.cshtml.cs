using System.Text.Json;

namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>
/// Results of a survey for Coordination and partners: counts and shares per question, charts, free answers,
/// filters on closed questions, a cross-tabulation, and exports. Small groups are shown as "&lt; 5" everywhere.
/// <c>?territoire=…</c> restricts them as a synthesis of those territories does (what its survey back-links open).
/// </summary>
[Authorize(Policy = Policies.Reader)]
public class ResultsModel(ObservatoireDbContext db, Suppression suppression, IAuthorizationService authorization, Audit audit) : PageModel
{
    /// <summary>Filters from the query string: f[questionId]=valueId.</summary>
    [BindProperty(SupportsGet = true, Name = "f")] public Dictionary<int, int> Filters { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "lignes")] public int? RowQuestion { get; set; }
    [BindProperty(SupportsGet = true, Name = "colonnes")] public int? ColumnQuestion { get; set; }
    /// <summary>Territories (a commune with its quartiers), as a synthesis's filter: respondents who named one of them.</summary>
    [BindProperty(SupportsGet = true, Name = "territoire")] public string[] Territories { get; set; } = [];

    /// <summary>The territories of the filter as people read them, when there is one.</summary>
    public string? TerritoryLabel { get; private set; }
    /// <summary>The restriction the territory filter makes: its question, or none when the survey asks no territory.</summary>
    public SurveyResults.Restriction Restriction { get; private set; } = SurveyResults.Restriction.None;

    public int SurveyId { get; private set; }
    public string Title { get; private set; } = "";
    public SurveyStatus Status { get; private set; }
    public SurveyResults Results { get; private set; } = null!;
    public SurveyResults.CrossTab? Cross { get; private set; }
    public Suppression Suppression => suppression;
    public bool CanExportResponses { get; private set; }
    /// <summary>Free texts of this survey Coordination has not read yet (none of them reaches partners or an output).</summary>
    public int TextsToReview { get; private set; }
    /// <summary>Responses entered by a field worker with the resident (same filters); published through the suppression rule.</summary>
    public int Assisted { get; private set; }
    /// <summary>Free answers are hidden when the filtered group is small: a few comments next to a quartier and an age tell who wrote them.</summary>
    public bool ShowTexts => !suppression.Hides(Results.Total);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Assisted = await SurveyResults.Filter(db, id, CleanFilters(), Restriction.Territories).CountAsync(r => r.IsAssisted, ct);
        if (RowQuestion is int r && ColumnQuestion is int c && r != c
            && Results.Questions.FirstOrDefault(q => q.Id == r && q.IsClosed) is { } rows
            && Results.Questions.FirstOrDefault(q => q.Id == c && q.IsClosed) is { } columns)
            Cross = new SurveyResults.CrossTab(rows, columns, await SurveyResults.CrossAsync(db, id, CleanFilters(), r, c, ct, Restriction.Territories));
        return Page();
    }

    /// <summary>Counts per question and value, as published (CSV).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var rows = new List<IEnumerable<string?>> { new[] { "question_id", "question", "reponse_code", "reponse", "effectif", "pourcentage", "repondants" } };
        foreach (var q in Results.Questions.Where(q => q.IsClosed))
            foreach (var v in q.Values)
                rows.Add([q.Id.ToString(CultureInfo.InvariantCulture), q.Text, v.Code, v.Label, suppression.Format(v.Count),
                    suppression.Percent(v.Count, q.Respondents)?.ToString("0.#", French.Culture) ?? "",
                    suppression.Format(q.Respondents)]);
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"resultats-enquete-{id}.csv");
    }

    /// <summary>Counts per question and value, as published (JSON); hidden counts are null with their display "&lt; 5".</summary>
    public async Task<IActionResult> OnGetJsonAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var body = new
        {
            enquete = new { id, titre = Title },
            genere_le = DateTime.UtcNow,
            seuil_de_confidentialite = suppression.Threshold,
            filtres = CleanFilters(),
            repondants = suppression.Value(Results.Total),
            repondants_affiche = suppression.Format(Results.Total),
            questions = Results.Questions.Where(q => q.IsClosed).Select(q => new
            {
                id = q.Id,
                question = q.Text,
                type = q.Type.ToString(),
                repondants = suppression.Value(q.Respondents),
                repondants_affiche = suppression.Format(q.Respondents),
                reponses = q.Values.Select(v => new
                {
                    code = v.Code, libelle = v.Label, effectif = suppression.Value(v.Count), affiche = suppression.Format(v.Count),
                    pourcentage = suppression.Percent(v.Count, q.Respondents),
                }),
            }),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(body, new JsonSerializerOptions { WriteIndented = true });
        return File(json, "application/json; charset=utf-8", $"resultats-enquete-{id}.json");
    }

    /// <summary>
    /// One row per response, one column per option of every question, whatever the conditional path (empty when
    /// not asked). Row-level data: Coordination only, and refused for a filtered group under the threshold.
    /// </summary>
    public async Task<IActionResult> OnGetReponsesAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanExportResponses) return Forbid();
        if (suppression.Hides(Results.Total))
        {
            // Say which rule applies: with no filter it is the survey itself that has too few answers.
            TempData["Message"] = $"Moins de {suppression.Threshold} réponses {(CleanFilters().Count > 0 ? "avec ces filtres" : "à cette enquête")} : " +
                "l'export ligne à ligne permettrait de reconnaître des personnes.";
            return RedirectToPage(new { id });
        }
        var questions = await SurveyResults.Definition(db, id, ct);
        var values = await SurveyResults.ValueLabels(db, questions, ct);
        var columns = new List<(string Header, Func<List<Answer>, string?> Cell, int QuestionId)>();
        foreach (var q in questions)
        {
            var prefix = $"q{q.Id}";
            if (q.Type.IsClosed())
            {
                foreach (var v in values[q.Id])
                {
                    var value = v.Id;
                    columns.Add(($"{prefix}_{v.Code}", a => a.Count == 0 ? null : a.Any(x => (x.OptionId ?? x.TerritoryId ?? x.ToolId) == value) ? "1" : "0", q.Id));
                }
                if (q.AllowOther)
                    columns.Add(($"{prefix}_autre", a => a.FirstOrDefault(x => x.OptionId == null && x.Text != null) is { } other ? AsReviewed(other) : null, q.Id));
            }
            else
            {
                columns.Add((prefix, a => a.FirstOrDefault() switch
                {
                    null => null,
                    { Number: decimal n } => n.ToString("0.##", French.Culture),
                    { Date: DateOnly d } => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    { Text: not null } x => AsReviewed(x),
                    _ => null,
                }, q.Id));
            }
        }
        var responses = await SurveyResults.Filter(db, id, CleanFilters(), Restriction.Territories).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.CreatedAt, r.IsAssisted, Answers = r.Answers.ToList() })
            .AsSplitQuery().ToListAsync(ct);
        var rows = new List<IEnumerable<string?>> { new[] { "reponse", "date_heure", "saisie_accompagnee" }.Concat(columns.Select(c => c.Header)) };
        foreach (var r in responses)
        {
            var byQuestion = r.Answers.ToLookup(a => a.QuestionId);
            rows.Add(new[] { r.Id.ToString(CultureInfo.InvariantCulture), ParisTime.ExportHour(r.CreatedAt), r.IsAssisted ? "oui" : "non" }
                .Concat(columns.Select(c => c.Cell(byQuestion[c.QuestionId].ToList()))));
        }
        // Row-level answers leave the portal: the audit log says who took which rows, like the personal-data export.
        var filters = FilterLabels().Select(f => $"{f.Question} = {f.Value}").ToList();
        if (Restriction.Question is not null) filters.Add($"territoires = {TerritoryLabel}");
        await audit.RecordAsync(AuditActions.Export, $"enquête « {Title} »",
            $"réponses ligne à ligne (CSV), {responses.Count} {French.Plural(responses.Count, "réponse", "réponses")}, " + (filters.Count == 0 ? "sans filtre" : "filtres : " + string.Join(" ; ", filters)));
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"reponses-enquete-{id}.csv");
    }

    /// <summary>Labels of the active filters, for the page.</summary>
    public IEnumerable<(string Question, string Value)> FilterLabels() =>
        CleanFilters().Select(f => Results.Questions.First(q => q.Id == f.Key) is var q
            ? (q.Text, q.Values.FirstOrDefault(v => v.Id == f.Value)?.Label ?? "?") : ("", ""));

    private Dictionary<int, int> _clean = [];
    private Dictionary<int, int> CleanFilters() => _clean;

    /// <summary>A free text as the row export gives it: as reviewed, never a text Coordination has not published (PublicationRule).</summary>
    private static string? AsReviewed(Answer answer) => answer.TextReview switch
    {
        TextReview.Published => answer.Text,
        TextReview.Masked => answer.MaskedText,
        TextReview.Internal => "(gardée en interne)",
        _ => "(à relire)",
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Title, s.Status }).SingleOrDefaultAsync(ct);
        if (survey is null) return false;
        (SurveyId, Title, Status) = (id, survey.Title, survey.Status);
        // Only filters on this survey's closed questions count; anything else in the query string is ignored.
        var closed = await db.Questions.Where(q => q.SurveyId == id).Select(q => new { q.Id, q.Type }).ToListAsync(ct);
        _clean = Filters.Where(f => closed.Any(q => q.Id == f.Key && q.Type.IsClosed())).Take(10).ToDictionary(f => f.Key, f => f.Value);
        CanExportResponses = (await authorization.AuthorizeAsync(User, Policies.Coordination)).Succeeded;
        // At most 50, as a synthesis's filter; an unknown slug matches no respondent (Indicators.TerritoryIdsAsync).
        Territories = [.. DashboardFilter.Clean(Territories).Take(50)];
        if (Territories.Length > 0)
        {
            var names = await db.Territories.AsNoTracking().Where(t => Territories.Contains(t.Slug))
                .Select(t => Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name)).ToListAsync(ct);
            TerritoryLabel = names.Count == 0 ? "territoire inconnu" : string.Join(", ", names.Order(French.Order));
            Restriction = await SurveyResults.RestrictionAsync(db, id, await Indicators.TerritoryIdsAsync(db, Territories, ct), ct);
        }
        // Coordination reads every free text (it reviews them); partners only those it published.
        Results = await SurveyResults.RestrictedAsync(db, id, _clean, Restriction, ct, allTexts: CanExportResponses);
        TextsToReview = await db.Answers.CountAsync(a => a.Question.SurveyId == id && a.Text != null && a.TextReview == TextReview.Pending, ct);
        return true;
    }
}
