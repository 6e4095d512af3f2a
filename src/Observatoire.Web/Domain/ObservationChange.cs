namespace Observatoire.Web.Domain;

public enum ObservationChangeKind
{
    [Display(Name = "Création")] Created,
    [Display(Name = "Modification")] Edited,
    [Display(Name = "Soumission")] Submitted,
    [Display(Name = "Validation")] Validated,
    [Display(Name = "Renvoi à l'auteur")] Returned,
    [Display(Name = "Fusion dans l'annuaire")] Merged,
}

/// <summary>One entry of an observation's history: who did what, when, with the fields it changed. Never updated.</summary>
public class ObservationChange
{
    public long Id { get; set; }
    public int ObservationId { get; set; }
    public Observation Observation { get; set; } = null!;
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    /// <summary>The author's name as it was at the time, kept if the account is deleted.</summary>
    public required string UserName { get; set; }
    public ObservationChangeKind Kind { get; set; }
    public string? Comment { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
}

/// <summary>A field's value before and after, as shown to people (labels and names, not ids).</summary>
public class FieldChange
{
    public required string Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
