namespace Observatoire.Web.Domain;

public enum QuestionType
{
    [Display(Name = "Choix unique")] SingleChoice,
    [Display(Name = "Choix multiples")] MultipleChoice,
    [Display(Name = "Échelle de 1 à 5")] Scale,
    [Display(Name = "Oui / non")] YesNo,
    [Display(Name = "Nombre")] Number,
    [Display(Name = "Texte court")] ShortText,
    [Display(Name = "Texte long")] LongText,
    [Display(Name = "Date")] Date,
    [Display(Name = "Quartier")] Territory,
    [Display(Name = "Outils numériques")] Tools,
}

public static class QuestionTypes
{
    /// <summary>Types whose answers are options of the question (Scale and YesNo get generated options).</summary>
    public static bool HasOptions(this QuestionType t) =>
        t is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Scale or QuestionType.YesNo;

    /// <summary>Types the builder lets Coordination write options for.</summary>
    public static bool HasEditableOptions(this QuestionType t) => t is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    /// <summary>Answers fall in a fixed list: counted, charted, usable as a filter.</summary>
    public static bool IsClosed(this QuestionType t) => t.HasOptions() || t is QuestionType.Territory or QuestionType.Tools;

    public static bool AllowsSeveral(this QuestionType t) => t is QuestionType.MultipleChoice or QuestionType.Tools;

    public static bool IsText(this QuestionType t) => t is QuestionType.ShortText or QuestionType.LongText;
}

public class Question
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public int SectionId { get; set; }
    public SurveySection Section { get; set; } = null!;
    public int Order { get; set; }
    public required string Text { get; set; }
    public string? HelpText { get; set; }
    public QuestionType Type { get; set; }
    public bool Required { get; set; }
    /// <summary>Choice questions: adds "Autre : …" with a free answer.</summary>
    public bool AllowOther { get; set; }
    public string? ScaleMinLabel { get; set; }
    public string? ScaleMaxLabel { get; set; }
    public decimal? MinNumber { get; set; }
    public decimal? MaxNumber { get; set; }
    /// <summary>Shown on the analysis dashboard.</summary>
    public bool ShowOnDashboard { get; set; }
    /// <summary>Shown only if this earlier question's answer is (or contains) <see cref="ConditionOptionId"/>.</summary>
    public int? ConditionQuestionId { get; set; }
    public Question? ConditionQuestion { get; set; }
    public int? ConditionOptionId { get; set; }
    public QuestionOption? ConditionOption { get; set; }
    public List<QuestionOption> Options { get; set; } = [];
}

public class QuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int Order { get; set; }
    public required string Label { get; set; }
    /// <summary>Export column name: made from the first label and kept when the label is reworded.</summary>
    public required string Code { get; set; }
}
