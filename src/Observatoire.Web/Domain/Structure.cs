using NpgsqlTypes;

namespace Observatoire.Web.Domain;

/// <summary>
/// What a structure is (« Association », « Centre social », « Collectivité »…): a list the observatory's administrators
/// keep in the portal. The dashboard counts observations by structure kind.
/// </summary>
public class StructureKind : ReferenceValue;

public class Structure
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    /// <summary>Required on the forms once the instance has kinds; null for a structure saved before any existed.</summary>
    public int? KindId { get; set; }
    public StructureKind? Kind { get; set; }
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
