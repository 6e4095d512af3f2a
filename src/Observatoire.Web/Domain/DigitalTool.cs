using System.ComponentModel;
using NpgsqlTypes;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum ToolCategory
{
    [Display(Name = "Travail collaboratif"), ExternalName("Collaboratif")] Collaboration,
    [Display(Name = "Communication et messagerie")] Communication,
    [Display(Name = "Réseau social"), ExternalName("ReseauSocial")] SocialNetwork,
    [Display(Name = "Démarches en ligne"), ExternalName("Demarches")] OnlineProcedures,
    [Display(Name = "Recherche d'emploi"), ExternalName("Emploi")] JobSearch,
    [Display(Name = "Apprentissage et formation"), ExternalName("Apprentissage")] Learning,
    [Display(Name = "Bureautique"), ExternalName("Bureautique")] OfficeSuite,
    [Display(Name = "Publication et site web")] Publication,
    [Display(Name = "Cartographie"), ExternalName("Cartographie")] Mapping,
    [Display(Name = "Autre"), ExternalName("Autre")] Other,
}

[TypeConverter(typeof(ExternalNameConverter))]
public enum ToolLicence
{
    [Display(Name = "Libre"), ExternalName("Libre")] Free,
    [Display(Name = "Propriétaire"), ExternalName("Proprietaire")] Proprietary,
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
