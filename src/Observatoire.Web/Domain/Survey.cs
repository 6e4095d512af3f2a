namespace Observatoire.Web.Domain;

public enum SurveyStatus
{
    [Display(Name = "Brouillon")] Draft,
    [Display(Name = "Ouverte")] Open,
    [Display(Name = "Fermée")] Closed,
}

/// <summary>A questionnaire built by Coordination and answered without an account at <c>/enquetes/{Slug}</c>.</summary>
public class Survey
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Public address; made once and never changed, since it is printed on posters and QR codes.</summary>
    public required string Slug { get; set; }
    public string? Intro { get; set; }
    public SurveyStatus Status { get; set; }
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    /// <summary>One response per invitation code, codes being handed out on paper.</summary>
    public bool RequiresInvitation { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<SurveySection> Sections { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
    public uint Version { get; set; }

    /// <summary>Whether answers are accepted at <paramref name="now"/> (UTC).</summary>
    public bool AcceptsAnswers(DateTime now) =>
        Status == SurveyStatus.Open && (OpensAt is null || OpensAt <= now) && (ClosesAt is null || ClosesAt > now);
}

/// <summary>One screen of a survey.</summary>
public class SurveySection
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Intro { get; set; }
    public List<Question> Questions { get; set; } = [];
}
