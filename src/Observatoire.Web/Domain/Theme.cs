namespace Observatoire.Web.Domain;

/// <summary>Emploi, éducation, citoyenneté — extensible by administrators.</summary>
public class Theme : IReferenceValue
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public DateTime? RetiredAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>A public: demandeurs d'emploi, jeunes, habitants, seniors…</summary>
public class Audience : IReferenceValue
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public DateTime? RetiredAt { get; set; }
    public uint Version { get; set; }
}
