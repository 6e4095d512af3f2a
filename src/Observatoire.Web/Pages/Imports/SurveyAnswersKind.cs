using System.Security.Cryptography;
using System.Text;
using Observatoire.Web.Pages.Surveys;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// The answers of one survey's paper questionnaires (<c>/import/enquete-{id}</c>): one line per questionnaire, one
/// column per question (its wording, or the responses export's <c>q{id}</c> header), or the export's one-column-per-value
/// <c>q{id}_{code}</c> cells, so the export itself can be imported back. Each line goes through the survey's own form
/// (<see cref="SurveyForm.ValidateAll"/>: required questions, options, numbers, quartiers, tools, conditional parts) and
/// is stored as an assisted entry with the consent the paper recorded.
/// <list type="bullet">
/// <item>Nothing identifies a respondent: no account, no address, the import's hour as the response's time (as an online
/// answer's submission hour).</item>
/// <item>Idempotent: « Numéro de questionnaire » is the external identifier; without it, a fingerprint of the answers and
/// its occurrence in the file (the 2nd identical questionnaire of a file is another response, found again as the 2nd).</item>
/// <item>A stored response is never changed: a known number with other answers is refused (undo the import to correct it).</item>
/// </list>
/// </summary>
public sealed class SurveyAnswersKind : ImportKind
{
    public const string SlugPrefix = "enquete-";
    public const string Number = "numero", Consent = "consentement", Assisted = "saisie_accompagnee";

    private readonly SurveyForm _form;
    private readonly Dictionary<int, List<SurveyResults.Value>> _values;

    private SurveyAnswersKind(SurveyForm form, Dictionary<int, List<SurveyResults.Value>> values)
    {
        (_form, _values) = (form, values);
        Columns = BuildColumns();
    }

    /// <summary>The kind for a survey's paper questionnaires, or null for an unknown survey or a draft (nobody answered it).</summary>
    public static async Task<SurveyAnswersKind?> LoadAsync(ObservatoireDbContext db, string slug, CancellationToken ct)
    {
        if (!slug.StartsWith(SlugPrefix, StringComparison.Ordinal)
            || !int.TryParse(slug[SlugPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var surveySlug = await db.Surveys.AsNoTracking().Where(s => s.Id == id && s.Status != SurveyStatus.Draft).Select(s => s.Slug)
            .SingleOrDefaultAsync(ct);
        if (surveySlug is null || await SurveyForm.LoadAsync(db, surveySlug, ct) is not { } form) return null;
        var values = await SurveyResults.ValueLabels(db, await SurveyResults.Definition(db, id, ct), ct);
        return new SurveyAnswersKind(form, values);
    }

    public override string Slug => SlugPrefix + _form.SurveyId.ToString(CultureInfo.InvariantCulture);
    public override string Name => "Réponses d'enquête (saisie papier)";
    public override string Summary => $"Les questionnaires papier de l'enquête « {_form.Title} », une ligne par questionnaire, enregistrés comme des saisies accompagnées.";
    /// <summary>Surveys are built and managed by Coordination as a whole (no survey has managers of its own).</summary>
    public override string Policy => Policies.Coordination;
    public override bool CanCreateMissing(ClaimsPrincipal user) => false;
    public override IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The column of a question's answer (« q12 », the responses export's header for open questions).</summary>
    private static string Key(int questionId) => $"q{questionId.ToString(CultureInfo.InvariantCulture)}";
    private static string OtherKey(int questionId) => Key(questionId) + "_autre";
    private static string ValueKey(int questionId, string code) => $"{Key(questionId)}_{code}";

    private List<ImportColumn> BuildColumns()
    {
        var columns = new List<ImportColumn>
        {
            new(Number, "Numéro de questionnaire", "Le numéro écrit sur le questionnaire : un nouvel import du même numéro ne le compte pas deux fois. Sans numéro, un questionnaire identique à un autre déjà importé à la même place du fichier n'est pas compté deux fois.", "17", false, "Numéro", "N°", "reponse", "Questionnaire"),
            new(Consent, "Consentement", "« oui » quand la personne a donné son accord pour que ses réponses soient enregistrées (la case du questionnaire) ; sans accord, la ligne est refusée.", "oui", false, "Accord", "Consentement recueilli"),
            new(Assisted, "saisie_accompagnee", "Colonne de l'export des réponses : « non » pour une réponse donnée en ligne par la personne elle-même.", "oui", false) { Listed = false },
        };
        foreach (var q in _form.Questions)
        {
            columns.Add(new ImportColumn(Key(q.Id), q.Text, Describe(q), Example(q), false, Key(q.Id)));
            if (q.Type.IsClosed())
                foreach (var v in _values.GetValueOrDefault(q.Id) ?? [])
                    columns.Add(new ImportColumn(ValueKey(q.Id, v.Code), ValueKey(q.Id, v.Code), $"1 si « {v.Label} » est coché, 0 sinon.", "1") { Listed = false });
            if (q.AllowOther)
                columns.Add(new ImportColumn(OtherKey(q.Id), $"{q.Text} — autre", "La réponse écrite après « Autre ».", "", false, OtherKey(q.Id)));
        }
        return columns;
    }

    private static string Describe(SurveyForm.FormQuestion q)
    {
        var required = q.Required ? "Obligatoire" + (q.ConditionQuestionId is null ? "" : " quand la question est posée") + ". " : "";
        var options = string.Join(", ", q.Options.Select(o => $"« {o.Label} »"));
        return required + q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.Scale or QuestionType.YesNo => $"Une réponse parmi {options}.",
            QuestionType.MultipleChoice => $"Des réponses parmi {options}, séparées par « ; ».",
            QuestionType.Number => (q.MinNumber, q.MaxNumber) switch
            {
                (decimal a, decimal b) => $"Un nombre entre {a.ToString("0.##", French.Culture)} et {b.ToString("0.##", French.Culture)}.",
                _ => "Un nombre.",
            },
            QuestionType.Date => "Une date (2026-03-14 ou 14/03/2026).",
            QuestionType.Territory => "Un quartier de la liste des territoires, par exemple « Sanitas (Tours) ».",
            QuestionType.Tools => "Des outils de l'annuaire, séparés par « ; ».",
            _ => $"Un texte de {(q.Type == QuestionType.ShortText ? SurveyForm.ShortTextMax : SurveyForm.LongTextMax).ToString("N0", French.Culture)} caractères au plus.",
        } + (q.AllowOther ? " « Autre : … » pour une autre réponse." : "");
    }

    private string Example(SurveyForm.FormQuestion q) => q.Type switch
    {
        _ when q.Options.Count > 0 => q.Options[0].Label,
        QuestionType.Number => (q.MinNumber ?? 1).ToString("0.##", CultureInfo.InvariantCulture),
        QuestionType.Date => "2026-03-14",
        QuestionType.Territory => _form.Territories.FirstOrDefault()?.Label ?? "",
        QuestionType.Tools => _form.Tools.FirstOrDefault()?.Label ?? "",
        _ => "",
    };

    public override async Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var known = context.ExternalIds.Values.Select(id => (long)id).ToArray();
        var stored = (await db.Answers.AsNoTracking().Where(a => known.Contains(a.ResponseId) && a.Response.SurveyId == _form.SurveyId)
                .ToListAsync(ct))
            .GroupBy(a => a.ResponseId).ToDictionary(g => g.Key, g => Fingerprint(g));
        var territories = await ImportLookups.TerritoriesAsync(db, ct);
        var now = DateTime.UtcNow;
        return new Session(this, db, context.ExternalIds, stored, territories, new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>The answers of one questionnaire, in an order that does not depend on the file's columns.</summary>
    private static string Fingerprint(IEnumerable<Answer> answers)
    {
        var canonical = string.Join('\n', answers
            .Select(a => string.Join('\u001f', a.QuestionId, a.OptionId, a.TerritoryId, a.ToolId,
                a.Number?.ToString("0.##", CultureInfo.InvariantCulture), a.Date?.ToString("O", CultureInfo.InvariantCulture), a.Text))
            .Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private sealed record Planned(List<Answer> Answers, bool IsAssisted, bool Consent, string ExternalId);

    private sealed class Session(SurveyAnswersKind kind, ObservatoireDbContext db, IReadOnlyDictionary<string, int> externalIds,
        Dictionary<long, string> stored, ReferenceMatcher<Territory> territories, DateTime hour) : ImportSession
    {
        private readonly SurveyForm _form = kind._form;
        private readonly Dictionary<string, int> _numbers = [];
        private readonly Dictionary<string, int> _occurrences = [];
        private readonly ReferenceMatcher<SurveyForm.Choice> _tools = new(kind._form.Tools, t => t.Label, t => t.Label);

        public override LinePlan Plan(ImportLine line)
        {
            string? consentProblem = null;
            bool assisted = true, consent = true;
            if (line.Values.ContainsKey(Consent))
            {
                if (!IsYes(line[Consent]))
                    consentProblem = "la personne n'a pas donné son accord (colonne « Consentement ») : un questionnaire sans accord n'est pas enregistré";
            }
            else if (line.Values.ContainsKey(Assisted))
                // The responses export: an online answer stays an online answer, an assisted one had its consent recorded.
                assisted = consent = IsYes(line[Assisted]);
            else
                consentProblem = "ajoutez la colonne « Consentement » (« oui » quand la personne a donné son accord pour que ses réponses soient enregistrées)";
            if (consentProblem is not null) return LinePlan.Refused(line, consentProblem);

            var state = new AnswerState();
            foreach (var q in _form.Questions)
                if (Read(q, line, state) is { } problem)
                    return LinePlan.Refused(line, $"question « {q.Text} » : {problem}");
            if (state.Values.Count == 0) return LinePlan.Refused(line, "aucune réponse : la ligne ne répond à aucune question de l'enquête");
            foreach (var q in _form.Questions.Where(q => state.Values.ContainsKey(q.Id) && !_form.IsVisible(q, state)))
            {
                var parent = _form.Questions.FirstOrDefault(p => p.Id == q.ConditionQuestionId);
                var option = parent?.Options.FirstOrDefault(o => o.Id == q.ConditionOptionId);
                return LinePlan.Refused(line, $"question « {q.Text} » : elle n'est posée qu'aux personnes ayant répondu « {option?.Label} » à « {parent?.Text} » : effacez cette réponse, ou corrigez la réponse à « {parent?.Text} »");
            }
            var errors = _form.ValidateAll(state);
            if (errors.Count > 0)
                return LinePlan.Refused(line, string.Join(" ; ", _form.Questions.Where(q => errors.ContainsKey(q.Id))
                    .Select(q => $"question « {q.Text} » : {errors[q.Id].Replace(" pour continuer", "")}")));

            var answers = _form.ToAnswers(state);
            var fingerprint = Fingerprint(answers);
            var shown = Shown(line, state);
            var number = CellValues.Text(line[Number])?.Trim();
            string externalId;
            if (number is not null)
            {
                if (_numbers.TryGetValue(number, out var first))
                    return LinePlan.Refused(line, $"même numéro de questionnaire « {number} » que la ligne {first}");
                _numbers[number] = line.Number;
                externalId = number;
            }
            else
            {
                // The n-th identical questionnaire of a file is the n-th response with these answers: two people may answer alike.
                var n = _occurrences[fingerprint] = _occurrences.GetValueOrDefault(fingerprint) + 1;
                externalId = $"empreinte:{fingerprint[..40]}:{n.ToString(CultureInfo.InvariantCulture)}";
            }
            if (externalIds.TryGetValue(externalId, out var responseId) && stored.TryGetValue(responseId, out var storedFingerprint))
            {
                if (storedFingerprint == fingerprint)
                    return new LinePlan(line.Number, LineOutcome.Unchanged, number is null ? "questionnaire déjà importé" : $"questionnaire n° {number} déjà importé", shown);
                return LinePlan.Refused(line, $"le questionnaire n° {number} a déjà été importé avec d'autres réponses : une réponse enregistrée n'est pas modifiée ; annulez l'import précédent pour la corriger, ou donnez un autre numéro");
            }
            return new LinePlan(line.Number, LineOutcome.Created, "questionnaire enregistré comme saisie accompagnée", shown,
                new Planned(answers, assisted, consent, externalId));
        }

        /// <summary>What the question's cells say, in the form's terms (option ids, « autre » and its text), or what is wrong.</summary>
        private string? Read(SurveyForm.FormQuestion q, ImportLine line, AnswerState state)
        {
            var picked = new List<string>();
            var cell = CellValues.Text(line[Key(q.Id)])?.Trim();
            var other = CellValues.Text(line[OtherKey(q.Id)])?.Trim();
            if (cell is not null)
            {
                switch (q.Type)
                {
                    case var t when t.HasOptions():
                        var matcher = new ReferenceMatcher<SurveyForm.Option>(q.Options, o => o.Label, o => o.Code);
                        // A whole cell naming one option first: labels may hold a comma.
                        var items = matcher.Find(cell) is not null || !t.AllowsSeveral() ? [cell] : CellValues.List(cell);
                        foreach (var item in items)
                        {
                            if (matcher.Find(item) is { } option) picked.Add(option.Id.ToString(CultureInfo.InvariantCulture));
                            else if (q.AllowOther && OtherText(item) is { } typed)
                            {
                                picked.Add(SurveyForm.OtherValue);
                                other ??= typed;
                            }
                            else return matcher.Unknown("réponse", item, feminine: true) + $" (réponses possibles : {string.Join(", ", q.Options.Select(o => $"« {o.Label} »"))})";
                        }
                        break;
                    case QuestionType.Territory:
                        if (territories.Find(cell) is not { } territory || _form.Territories.All(c => c.Id != territory.Id))
                            return territories.Find(cell) is null ? territories.Unknown("quartier", cell) : $"le territoire « {cell} » n'est pas un quartier proposé par l'enquête";
                        picked.Add(territory.Id.ToString(CultureInfo.InvariantCulture));
                        break;
                    case QuestionType.Tools:
                        foreach (var item in _tools.Find(cell) is not null ? [cell] : CellValues.List(cell))
                        {
                            if (_tools.Find(item) is not { } tool) return _tools.Unknown("outil", item);
                            picked.Add(tool.Id.ToString(CultureInfo.InvariantCulture));
                        }
                        break;
                    default:
                        picked.Add(cell);
                        break;
                }
            }
            // The responses export's « q12_code » columns: 1 when the value was chosen.
            foreach (var v in kind._values.GetValueOrDefault(q.Id) ?? [])
            {
                var key = ValueKey(q.Id, v.Code);
                if (CellValues.Text(line[key])?.Trim() is not { } flag || flag is "0" || TextKey.Of(flag) == "non") continue;
                if (flag != "1" && !IsYes(flag)) return $"colonne « {key} » : écrivez 1 si la réponse est cochée, 0 sinon";
                picked.Add(v.Id!.Value.ToString(CultureInfo.InvariantCulture));
            }
            if (other is not null && q.AllowOther) picked.Add(SurveyForm.OtherValue);
            picked = picked.Distinct().ToList();
            if (picked.Count > 1 && !q.Type.AllowsSeveral()) return "une seule réponse est attendue";
            if (picked.Count > 0) state.Values[q.Id] = [.. picked];
            if (other is not null) state.Other[q.Id] = other;
            return null;
        }

        /// <summary>« Autre : mon texte » → « mon texte ».</summary>
        private static string? OtherText(string item)
        {
            var colon = item.IndexOf(':');
            return colon > 0 && TextKey.Of(item[..colon]) == "autre" && item[(colon + 1)..].Trim() is { Length: > 0 } typed ? typed : null;
        }

        private static bool IsYes(string? cell) => TextKey.Of(cell ?? "") is "oui" or "o" or "x" or "1" or "vrai" or "yes" or "true";

        /// <summary>The line as it will be stored, for the preview: each question's answer under its canonical wording.</summary>
        private Dictionary<string, string?> Shown(ImportLine line, AnswerState state)
        {
            var shown = new Dictionary<string, string?>(line.Values);
            foreach (var q in _form.Questions)
            {
                var values = state.ValuesOf(q.Id).Select(v => v == SurveyForm.OtherValue ? $"Autre : {state.Other.GetValueOrDefault(q.Id)}"
                    : q.Type switch
                    {
                        var t when t.HasOptions() => q.Options.FirstOrDefault(o => o.Id.ToString(CultureInfo.InvariantCulture) == v)?.Label,
                        QuestionType.Territory => _form.Territories.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == v)?.Label,
                        QuestionType.Tools => _form.Tools.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == v)?.Label,
                        _ => v,
                    });
                shown[Key(q.Id)] = string.Join(", ", values);
            }
            return shown;
        }

        public override Task ApplyAsync(IReadOnlyList<LinePlan> batch, ImportJournal journal, CancellationToken ct)
        {
            foreach (var plan in batch)
            {
                if (plan.Payload is not Planned p) continue;
                var response = new Response
                {
                    SurveyId = _form.SurveyId, CreatedAt = hour, IsAssisted = p.IsAssisted, ConsentRecorded = p.Consent,
                    IdempotencyKey = Guid.NewGuid(), Answers = p.Answers,
                };
                db.Responses.Add(response);
                journal.Created(response, p.ExternalId);
            }
            return Task.CompletedTask;
        }
    }
}
