using NpgsqlTypes;

namespace Observatoire.Web.Domain;

public enum StructureKind
{
    [Display(Name = "Association")] Association,
    [Display(Name = "Centre social")] CentreSocial,
    [Display(Name = "Collectivité")] Collectivite,
    [Display(Name = "Service de l'État")] ServiceEtat,
    [Display(Name = "Établissement scolaire")] EtablissementScolaire,
    [Display(Name = "Information jeunesse")] InformationJeunesse,
    [Display(Name = "Structure de l'emploi")] Emploi,
    [Display(Name = "Autre")] Autre,
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
