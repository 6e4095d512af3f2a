namespace Observatoire.Web.Domain;

/// <summary>
/// An address a record no longer answers to: the slug of a duplicate merged into another record, or a record's slug
/// before a rename. Its pages redirect there, so links and bookmarks keep working.
/// </summary>
public class SlugAlias
{
    public int Id { get; set; }
    /// <summary>The entity's CLR name (<c>DigitalTool</c>, <c>Territory</c>…): one table serves every kind of record.</summary>
    public required string Entity { get; set; }
    public required string Slug { get; set; }
    public int TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
}
