using NpgsqlTypes;

namespace Observatoire.Web.Domain;

public enum ToolCategory
{
    [Display(Name = "Travail collaboratif")] Collaboratif,
    [Display(Name = "Communication et messagerie")] Communication,
    [Display(Name = "Réseau social")] ReseauSocial,
    [Display(Name = "Démarches en ligne")] Demarches,
    [Display(Name = "Recherche d'emploi")] Emploi,
    [Display(Name = "Apprentissage et formation")] Apprentissage,
    [Display(Name = "Bureautique")] Bureautique,
    [Display(Name = "Publication et site web")] Publication,
    [Display(Name = "Cartographie")] Cartographie,
    [Display(Name = "Autre")] Autre,
}

public enum ToolLicence
{
    [Display(Name = "Libre")] Libre,
    [Display(Name = "Propriétaire")] Proprietaire,
}

public enum ToolStatus
{
    [Display(Name = "Référencé")] Listed,
    /// <summary>Proposed by a contributor, waiting for Coordination.</summary>
    [Display(Name = "En attente")] Pending,
}

public class DigitalTool
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public ToolCategory Category { get; set; }
    public ToolLicence Licence { get; set; }
    public ToolStatus Status { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}
