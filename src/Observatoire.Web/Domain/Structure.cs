using System.ComponentModel;
using NpgsqlTypes;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum StructureKind
{
    [Display(Name = "Association")] Association,
    [Display(Name = "Centre social"), ExternalName("CentreSocial")] SocialCentre,
    [Display(Name = "Collectivité"), ExternalName("Collectivite")] LocalAuthority,
    [Display(Name = "Service de l'État"), ExternalName("ServiceEtat")] StateService,
    [Display(Name = "Établissement scolaire"), ExternalName("EtablissementScolaire")] School,
    [Display(Name = "Information jeunesse"), ExternalName("InformationJeunesse")] YouthInformation,
    [Display(Name = "Structure de l'emploi"), ExternalName("Emploi")] Employment,
    [Display(Name = "Autre"), ExternalName("Autre")] Other,
}

public class Structure
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public StructureKind Kind { get; set; }
    public int? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public List<StructureMembership> Memberships { get; set; } = [];
    public List<AppUser> Users { get; set; } = [];
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}
