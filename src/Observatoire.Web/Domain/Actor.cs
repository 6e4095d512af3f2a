using System.ComponentModel;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum ActorCategory
{
    [Display(Name = "Professionnel de terrain"), ExternalName("ProfessionnelTerrain")] FieldProfessional,
    [Display(Name = "Institutionnel"), ExternalName("Institutionnel")] Institutional,
    [Display(Name = "Usager / habitant"), ExternalName("UsagerHabitant")] Resident,
}

/// <summary>A person taking part in the observatory; may or may not have a user account.</summary>
public class Actor
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    public required string Slug { get; set; }
    public ActorCategory Category { get; set; }
    public string? JobTitle { get; set; }
    /// <summary>Personal details: shown to members only.</summary>
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Bio { get; set; }
    public AppUser? User { get; set; }
    public List<StructureMembership> Memberships { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>An actor's role in a structure (e.g. "animatrice numérique").</summary>
public class StructureMembership
{
    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public required string Role { get; set; }
}
