namespace Observatoire.Web.Domain;

public enum DirectoryRecordKind
{
    [Display(Name = "Structure")] Structure,
    [Display(Name = "Outil")] Tool,
    [Display(Name = "Territoire")] Territory,
    [Display(Name = "Acteur")] Actor,
}

public enum DirectoryChangeKind
{
    [Display(Name = "Création")] Created,
    [Display(Name = "Modification")] Edited,
    [Display(Name = "Fusion")] Merged,
    [Display(Name = "Rattachement")] Membership,
}

/// <summary>
/// One field of a directory record changed by someone at some time, before and after as people read it. Never updated.
/// The record is named by kind and id rather than a foreign key, so one table serves the four kinds of record and the
/// history of a merged duplicate stays readable by id.
/// </summary>
public class DirectoryChange
{
    public long Id { get; set; }
    public DirectoryRecordKind RecordKind { get; set; }
    public int RecordId { get; set; }
    public DirectoryChangeKind Kind { get; set; }
    /// <summary>The field's label in French, as the form shows it.</summary>
    public required string Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    /// <summary>The author's name as it was at the time, kept if the account is deleted.</summary>
    public required string UserName { get; set; }
}
