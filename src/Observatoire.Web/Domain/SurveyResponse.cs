namespace Observatoire.Web.Domain;

/// <summary>
/// One submitted questionnaire. Anonymous by design: no IP address, user agent or account is stored,
/// and the time is rounded to the hour.
/// </summary>
public class Response
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    /// <summary>Entered by a field worker with the resident or from a paper form.</summary>
    public bool IsAssisted { get; set; }
    /// <summary>The resident's consent, recorded by the field worker on assisted entries.</summary>
    public bool ConsentRecorded { get; set; }
    /// <summary>Generated when the form is served; unique, so a resubmitted form is stored once.</summary>
    public Guid IdempotencyKey { get; set; }
    public int? InvitationCodeId { get; set; }
    public InvitationCode? InvitationCode { get; set; }
    public List<Answer> Answers { get; set; } = [];
}

/// <summary>
/// One value of one answer: a multiple choice gives one row per ticked option, so counting per option
/// is a GROUP BY. "Autre : …" is a row without option and with <see cref="Text"/>.
/// </summary>
public class Answer
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public Response Response { get; set; } = null!;
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int? OptionId { get; set; }
    public QuestionOption? Option { get; set; }
    public string? Text { get; set; }
    public decimal? Number { get; set; }
    public DateOnly? Date { get; set; }
    public int? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public int? ToolId { get; set; }
    public DigitalTool? Tool { get; set; }

    /// <summary>
    /// Coordination's reading of <see cref="Text"/> before anyone else sees it (a name, an address, a health detail typed
    /// by a resident): partners and every output show only published or masked texts (Analysis.PublicationRule).
    /// </summary>
    public TextReview TextReview { get; set; }
    /// <summary>The text as published when <see cref="TextReview"/> is <see cref="TextReview.Masked"/>: parts replaced by « [masqué] ».</summary>
    public string? MaskedText { get; set; }
    public DateTime? ReviewedAt { get; set; }
}

public enum TextReview
{
    /// <summary>Not read yet: shown to Coordination only.</summary>
    Pending,
    /// <summary>Shown as typed.</summary>
    Published,
    /// <summary>Shown as <see cref="Answer.MaskedText"/>.</summary>
    Masked,
    /// <summary>Read by Coordination, never shown beyond it.</summary>
    Internal,
}

/// <summary>A single-use code printed on paper, for surveys that take one response per invitation.</summary>
public class InvitationCode
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public required string Code { get; set; }
    public required string Batch { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>Answers saved half-way, found again with a short code the respondent writes down.</summary>
public class ResumeDraft
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public required string Code { get; set; }
    public required string AnswersJson { get; set; }
    public DateTime ExpiresAt { get; set; }
}
