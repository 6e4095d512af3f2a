namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>Operations of the builder used by several of its pages and by the demo data.</summary>
public static class SurveyEditing
{
    /// <summary>Slugs that are routes of their own under /enquetes.</summary>
    private static readonly string[] Reserved = ["gestion"];

    public static Task<string> NewSlugAsync(ObservatoireDbContext db, string title, CancellationToken ct) =>
        Slug.UniqueAsync(title, async s => Reserved.Contains(s) || await db.Surveys.AnyAsync(x => x.Slug == s, ct), 80);

    /// <summary>The options a scale or yes/no question always has; null for types with written options or none.</summary>
    public static (string Label, string Code)[]? GeneratedOptions(QuestionType type) => type switch
    {
        QuestionType.YesNo => [("Oui", "oui"), ("Non", "non")],
        QuestionType.Scale => [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")],
        _ => null,
    };

    /// <summary>An export code for a new option: from its label, unique in its question, kept when the label changes.</summary>
    public static string NewOptionCode(string label, IEnumerable<string> taken)
    {
        var set = taken.ToHashSet();
        var code = Slug.From(label, 40);
        var candidate = code;
        for (var n = 2; set.Contains(candidate); n++) candidate = $"{code}-{n}";
        return candidate;
    }

    public static Task<bool> HasResponsesAsync(ObservatoireDbContext db, int surveyId, CancellationToken ct) =>
        db.Responses.AnyAsync(r => r.SurveyId == surveyId, ct);

    /// <summary>Renumbers orders 0, 1, 2… in the given sequence.</summary>
    public static void Renumber<T>(IEnumerable<T> items, Action<T, int> setOrder)
    {
        var i = 0;
        foreach (var item in items) setOrder(item, i++);
    }

    /// <summary>Copies a survey as a new draft — sections, questions, options and conditions — without its responses.</summary>
    public static async Task<Survey> DuplicateAsync(ObservatoireDbContext db, int surveyId, CancellationToken ct)
    {
        var source = await db.Surveys.AsNoTracking()
            .Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == surveyId, ct);
        var now = DateTime.UtcNow;
        var title = source.Title.Length > 190 ? source.Title[..190] : source.Title;
        var copy = new Survey
        {
            Title = $"{title} (copie)",
            Slug = await NewSlugAsync(db, $"{title} copie", ct),
            Intro = source.Intro,
            Status = SurveyStatus.Draft,
            RequiresInvitation = source.RequiresInvitation,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var sections = source.Sections.ToDictionary(s => s.Id, s => new SurveySection { Survey = copy, Order = s.Order, Title = s.Title, Intro = s.Intro });
        copy.Sections.AddRange(sections.Values);
        var questions = new Dictionary<int, Question>();
        var options = new Dictionary<int, QuestionOption>();
        foreach (var q in source.Questions)
        {
            var nq = new Question
            {
                Survey = copy, Section = sections[q.SectionId], Order = q.Order, Text = q.Text, HelpText = q.HelpText, Type = q.Type,
                Required = q.Required, AllowOther = q.AllowOther, ScaleMinLabel = q.ScaleMinLabel, ScaleMaxLabel = q.ScaleMaxLabel,
                MinNumber = q.MinNumber, MaxNumber = q.MaxNumber, ShowOnDashboard = q.ShowOnDashboard,
            };
            foreach (var o in q.Options)
            {
                var no = new QuestionOption { Question = nq, Order = o.Order, Label = o.Label, Code = o.Code };
                nq.Options.Add(no);
                options[o.Id] = no;
            }
            questions[q.Id] = nq;
            copy.Questions.Add(nq);
        }
        foreach (var q in source.Questions.Where(q => q.ConditionQuestionId is not null && q.ConditionOptionId is not null))
        {
            if (questions.TryGetValue(q.ConditionQuestionId!.Value, out var parent) && options.TryGetValue(q.ConditionOptionId!.Value, out var option))
            {
                questions[q.Id].ConditionQuestion = parent;
                questions[q.Id].ConditionOption = option;
            }
        }
        db.Surveys.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }
}
