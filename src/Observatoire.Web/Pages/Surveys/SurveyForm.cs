using System.Text.Json;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>
/// A survey as respondents meet it: its sections and questions in order, which ones a given set of answers
/// makes visible, how a screen's answers are read and checked, and how they become <see cref="Answer"/> rows.
/// The answering page, the preview and the tests all go through here.
/// </summary>
public sealed class SurveyForm
{
    public record Option(int Id, string Label, string Code);
    public record Choice(int Id, string Label);
    public record FormQuestion(int Id, int SectionId, string Text, string? HelpText, QuestionType Type, bool Required,
        bool AllowOther, string? ScaleMinLabel, string? ScaleMaxLabel, decimal? MinNumber, decimal? MaxNumber,
        int? ConditionQuestionId, int? ConditionOptionId, IReadOnlyList<Option> Options);
    public record FormSection(int Id, string Title, string? Intro, IReadOnlyList<FormQuestion> Questions);

    public const string OtherValue = "autre";
    public const int ShortTextMax = 200;
    public const int LongTextMax = 4000;
    public const int OtherTextMax = 200;

    public required int SurveyId { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public string? Intro { get; init; }
    public SurveyStatus Status { get; init; }
    public DateTime? OpensAt { get; init; }
    public DateTime? ClosesAt { get; init; }
    public bool RequiresInvitation { get; init; }
    public required IReadOnlyList<FormSection> Sections { get; init; }
    public IReadOnlyList<Choice> Territories { get; init; } = [];
    public IReadOnlyList<Choice> Tools { get; init; } = [];

    public IEnumerable<FormQuestion> Questions => Sections.SelectMany(s => s.Questions);

    public bool AcceptsAnswers(DateTime now) =>
        Status == SurveyStatus.Open && (OpensAt is null || OpensAt <= now) && (ClosesAt is null || ClosesAt > now);

    public static async Task<SurveyForm?> LoadAsync(ObservatoireDbContext db, string slug, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Title, s.Slug, s.Intro, s.Status, s.OpensAt, s.ClosesAt, s.RequiresInvitation })
            .SingleOrDefaultAsync(ct);
        if (survey is null) return null;
        var sections = await db.SurveySections.AsNoTracking().Where(s => s.SurveyId == survey.Id)
            .OrderBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.Intro })
            .ToListAsync(ct);
        var questions = await db.Questions.AsNoTracking().Where(q => q.SurveyId == survey.Id)
            .OrderBy(q => q.Order).ThenBy(q => q.Id)
            .Select(q => new FormQuestion(q.Id, q.SectionId, q.Text, q.HelpText, q.Type, q.Required, q.AllowOther,
                q.ScaleMinLabel, q.ScaleMaxLabel, q.MinNumber, q.MaxNumber, q.ConditionQuestionId, q.ConditionOptionId,
                q.Options.OrderBy(o => o.Order).ThenBy(o => o.Id).Select(o => new Option(o.Id, o.Label, o.Code)).ToList()))
            .ToListAsync(ct);
        var types = questions.Select(q => q.Type).ToHashSet();
        var territories = types.Contains(QuestionType.Territory)
            // A new answer names a quartier in use: retired ones (or those of a retired commune) are no longer offered.
            ? await db.Territories.AsNoTracking()
                .Where(t => t.Kind == TerritoryKind.Neighbourhood && t.RetiredAt == null && (t.Parent == null || t.Parent.RetiredAt == null))
                .OrderBy(t => t.Name).ThenBy(t => t.Parent == null ? null : t.Parent.Name)
                .Select(t => new Choice(t.Id, Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name))).ToListAsync(ct)
            : [];
        var tools = types.Contains(QuestionType.Tools)
            ? await db.DigitalTools.AsNoTracking().Where(t => t.Status == ToolStatus.Listed)
                .OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct)
            : [];
        return new SurveyForm
        {
            SurveyId = survey.Id, Title = survey.Title, Slug = survey.Slug, Intro = survey.Intro, Status = survey.Status,
            OpensAt = survey.OpensAt, ClosesAt = survey.ClosesAt, RequiresInvitation = survey.RequiresInvitation,
            Sections = sections.Select(s => new FormSection(s.Id, s.Title, s.Intro,
                questions.Where(q => q.SectionId == s.Id).ToList())).ToList(),
            Territories = territories,
            Tools = tools,
        };
    }

    /// <summary>
    /// Whether the question is asked, given the answers so far. Conditions point at questions of earlier
    /// sections (the builder enforces it), so a screen is always decided before it is shown — without JavaScript.
    /// </summary>
    public bool IsVisible(FormQuestion q, AnswerState state, int depth = 0)
    {
        if (!HasChoices(q)) return false;
        if (q.ConditionQuestionId is not int parentId || q.ConditionOptionId is not int optionId) return true;
        var parent = Questions.FirstOrDefault(p => p.Id == parentId);
        if (parent is null || depth > 20) return true;
        return IsVisible(parent, state, depth + 1)
            && state.Values.TryGetValue(parentId, out var values)
            && values.Contains(optionId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A list with nothing in it (no quartier or tool recorded yet) is not a question anyone can answer.</summary>
    private bool HasChoices(FormQuestion q) =>
        !(q.Type == QuestionType.Territory && Territories.Count == 0 || q.Type == QuestionType.Tools && Tools.Count == 0);

    /// <summary>Whether the question can be asked at all: a list with values, under conditions that can themselves be met.</summary>
    private bool CanBeAsked(FormQuestion q, int depth = 0)
    {
        if (!HasChoices(q)) return false;
        if (q.ConditionQuestionId is not int parentId) return true;
        var parent = Questions.FirstOrDefault(p => p.Id == parentId);
        return parent is null || depth > 20 || CanBeAsked(parent, depth + 1);
    }

    /// <summary>Whether the question is asked whatever the answers.</summary>
    private bool AlwaysAsked(FormQuestion q) =>
        CanBeAsked(q) && (q.ConditionQuestionId is not int parentId || Questions.All(p => p.Id != parentId));

    /// <summary>
    /// How many screens a respondent goes through: as few as the sections asked whatever the answers, as many as the
    /// sections that can be asked. Equal when no screen depends on an answer.
    /// </summary>
    public (int Fewest, int Most) StepRange() =>
        (Sections.Count(s => s.Questions.Any(AlwaysAsked)), Sections.Count(s => s.Questions.Any(q => CanBeAsked(q))));

    /// <summary>
    /// Whether the number of screens is known on this one: every screen that depends on an answer depends on answers
    /// given on earlier screens (conditions point backwards), so nothing typed from here on adds or removes one.
    /// </summary>
    public bool StepCountKnownAt(FormSection current)
    {
        var order = Sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var here = order[current.Id];
        return Questions.Where(q => q.ConditionQuestionId is not null && CanBeAsked(q) && !AlwaysAsked(q))
            .All(q => Questions.FirstOrDefault(p => p.Id == q.ConditionQuestionId) is { } parent
                && order.TryGetValue(parent.SectionId, out var at) && at < here);
    }

    /// <summary>Screens to show with these answers: sections with at least one visible question.</summary>
    public IReadOnlyList<FormSection> VisibleSections(AnswerState state) =>
        Sections.Where(s => s.Questions.Any(q => IsVisible(q, state))).ToList();

    /// <summary>Takes the posted values of the section's questions into the state, replacing earlier ones.</summary>
    public void Read(FormSection section, AnswerState state, Func<string, IReadOnlyList<string>> posted)
    {
        foreach (var q in section.Questions)
        {
            var values = posted($"q{q.Id}").Select(v => v.Trim()).Where(v => v.Length > 0).Take(200).ToArray();
            if (values.Length == 0) state.Values.Remove(q.Id);
            else state.Values[q.Id] = q.Type.AllowsSeveral() ? values.Distinct().ToArray() : values[..1];
            var other = posted($"q{q.Id}-autre").FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(other)) state.Other.Remove(q.Id);
            else state.Other[q.Id] = other;
        }
    }

    /// <summary>Messages that say what to do, by question id, for the visible questions of a section.</summary>
    public Dictionary<int, string> Validate(FormSection section, AnswerState state)
    {
        var errors = new Dictionary<int, string>();
        foreach (var q in section.Questions.Where(q => IsVisible(q, state)))
            if (Check(q, state) is string message) errors[q.Id] = message;
        return errors;
    }

    private string? Check(FormQuestion q, AnswerState state)
    {
        var values = state.Values.GetValueOrDefault(q.Id) ?? [];
        var other = state.Other.GetValueOrDefault(q.Id);
        if (values.Length == 0)
        {
            if (!q.Required) return null;
            return q.Type switch
            {
                QuestionType.MultipleChoice or QuestionType.Tools => "Cochez au moins une réponse pour continuer.",
                QuestionType.SingleChoice or QuestionType.Scale or QuestionType.YesNo or QuestionType.Territory =>
                    "Choisissez une réponse pour continuer.",
                _ => "Répondez à cette question pour continuer.",
            };
        }
        // The portal's one rule for typed text (UserText): the answers page reads the form itself, so it asks here.
        if (values.Append(other).Select(UserText.Problem).FirstOrDefault(m => m is not null) is { } notText) return notText;
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Scale or QuestionType.YesNo:
                foreach (var v in values)
                {
                    if (v == OtherValue && q.AllowOther)
                    {
                        if (string.IsNullOrWhiteSpace(other)) return "Vous avez choisi « Autre » : écrivez votre réponse dans la case.";
                        if (other.Length > OtherTextMax) return $"Écrivez « Autre » en {OtherTextMax} caractères au plus (vous en avez écrit {other.Length}).";
                    }
                    else if (!q.Options.Any(o => o.Id.ToString(CultureInfo.InvariantCulture) == v))
                        return "Choisissez une réponse dans la liste.";
                }
                return null;
            case QuestionType.Territory:
                return values.All(v => Territories.Any(t => t.Id.ToString(CultureInfo.InvariantCulture) == v))
                    ? null : "Choisissez un quartier dans la liste.";
            case QuestionType.Tools:
                return values.All(v => Tools.Any(t => t.Id.ToString(CultureInfo.InvariantCulture) == v))
                    ? null : "Choisissez des outils dans la liste.";
            case QuestionType.Number:
                if (ParseNumber(values[0]) is not decimal n) return "Écrivez un nombre en chiffres, par exemple 3.";
                if (q.MinNumber is decimal min && n < min || q.MaxNumber is decimal max && n > max)
                    return (q.MinNumber, q.MaxNumber) switch
                    {
                        (decimal a, decimal b) => $"Écrivez un nombre entre {a.ToString("0.##", French.Culture)} et {b.ToString("0.##", French.Culture)}.",
                        (decimal a, null) => $"Écrivez un nombre égal ou supérieur à {a.ToString("0.##", French.Culture)}.",
                        (null, decimal b) => $"Écrivez un nombre égal ou inférieur à {b.ToString("0.##", French.Culture)}.",
                        _ => null,
                    };
                return null;
            case QuestionType.Date:
                return ParseDate(values[0]) is null ? "Écrivez une date, par exemple 15/03/2025." : null;
            case QuestionType.ShortText when values[0].Length > ShortTextMax:
                return $"Écrivez {ShortTextMax} caractères au plus (vous en avez écrit {values[0].Length}).";
            case QuestionType.LongText when values[0].Length > LongTextMax:
                return $"Écrivez {LongTextMax} caractères au plus (vous en avez écrit {values[0].Length}).";
            default:
                return null;
        }
    }

    /// <summary>All errors of the visible questions, for the final check before storing.</summary>
    public Dictionary<int, string> ValidateAll(AnswerState state) =>
        VisibleSections(state).SelectMany(s => Validate(s, state)).ToDictionary(e => e.Key, e => e.Value);

    /// <summary>The answers to store: visible questions only, one row per value. Call after <see cref="ValidateAll"/>.</summary>
    public List<Answer> ToAnswers(AnswerState state)
    {
        var answers = new List<Answer>();
        foreach (var q in VisibleSections(state).SelectMany(s => s.Questions).Where(q => IsVisible(q, state)))
        {
            foreach (var v in state.Values.GetValueOrDefault(q.Id) ?? [])
            {
                var answer = new Answer { QuestionId = q.Id };
                switch (q.Type)
                {
                    case var t when t.HasOptions():
                        if (v == OtherValue) answer.Text = state.Other.GetValueOrDefault(q.Id);
                        else answer.OptionId = int.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case QuestionType.Territory: answer.TerritoryId = int.Parse(v, CultureInfo.InvariantCulture); break;
                    case QuestionType.Tools: answer.ToolId = int.Parse(v, CultureInfo.InvariantCulture); break;
                    case QuestionType.Number: answer.Number = ParseNumber(v); break;
                    case QuestionType.Date: answer.Date = ParseDate(v); break;
                    default: answer.Text = v; break;
                }
                answers.Add(answer);
            }
        }
        return answers;
    }

    /// <summary>"12", "12,5" or "12.5", as people type them.</summary>
    public static decimal? ParseNumber(string s) =>
        decimal.TryParse(s.Replace(" ", "").Replace('.', ','), NumberStyles.Number, French.Culture, out var n) && Math.Abs(n) < 1_000_000_000_000m
            ? n : null;

    /// <summary>The date input's "2025-03-15", or "15/03/2025" typed in a text field.</summary>
    public static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        && d.Year is > 1900 and < 2200 ? d : null;
}

/// <summary>
/// The answers of one respondent while they go through the screens. It travels in a hidden field of each
/// screen (no session, no account), is stored only as a resume draft when asked, and is re-checked entirely
/// before a response is saved.
/// </summary>
public sealed class AnswerState
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public Guid Key { get; set; } = Guid.NewGuid();
    public Dictionary<int, string[]> Values { get; set; } = [];
    public Dictionary<int, string> Other { get; set; } = [];
    public string? Invitation { get; set; }
    public string? ResumeCode { get; set; }
    public bool Assisted { get; set; }
    public bool Consent { get; set; }
    public bool Preview { get; set; }
    /// <summary>The section the respondent was on when they saved a resume draft.</summary>
    public int? At { get; set; }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static AnswerState? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > 200_000) return null;
        try
        {
            var state = JsonSerializer.Deserialize<AnswerState>(json, Json);
            if (state is null) return null;
            state.Values ??= [];
            state.Other ??= [];
            return state;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string[] ValuesOf(int questionId) => Values.GetValueOrDefault(questionId) ?? [];
}

/// <summary>What the question partial needs: the question, what the person answered, and the message to fix it.</summary>
public record QuestionView(SurveyForm.FormQuestion Question, string[] Values, string? Other, string? Error,
    IReadOnlyList<SurveyForm.Choice> Territories, IReadOnlyList<SurveyForm.Choice> Tools);
