using NpgsqlTypes;

namespace Observatoire.Web.Domain;

/// <summary>
/// What a tool is used for (« Travail collaboratif », « Démarches en ligne »…): a list the observatory's administrators
/// keep in the portal. The dashboard counts tool mentions by category.
/// </summary>
public class ToolCategory : ReferenceValue;

/// <summary>A tool's licence (« Libre », « Propriétaire »…), administered like the other lists.</summary>
public class Licence : ReferenceValue
{
    /// <summary>« Libre »: the dashboard's « Part des outils libres » counts the mentions of tools under such a licence.</summary>
    public bool IsFree { get; set; }
}

public enum ToolStatus
{
    [Display(Name = "Référencé")] Listed,
    /// <summary>Proposed by a contributor, waiting for Coordination.</summary>
    [Display(Name = "En attente")] Pending,
}

public class DigitalTool
{
    /// <summary>Appended to a pending tool's name where an observation shows it, until Coordination checks it.</summary>
    public const string PendingMark = " (en attente de vérification)";

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    /// <summary>Null until someone says: a tool typed in by a contributor, or imported, may have no known category yet.</summary>
    public int? CategoryId { get; set; }
    public ToolCategory? Category { get; set; }
    /// <summary>Null when unknown (« Licence inconnue »), which the free share counts as not free.</summary>
    public int? LicenceId { get; set; }
    public Licence? Licence { get; set; }
    public ToolStatus Status { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}
