using System.ComponentModel;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum TerritoryKind
{
    [Display(Name = "Commune"), ExternalName("Commune")] Municipality,
    [Display(Name = "Quartier"), ExternalName("Quartier")] Neighbourhood,
}

/// <summary>A commune, or a quartier inside a commune.</summary>
public class Territory : IReferenceValue
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public TerritoryKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Territory? Parent { get; set; }
    public List<Territory> Children { get; set; } = [];
    public string? Description { get; set; }
    /// <summary>Order among the communes, or among the quartiers of one commune.</summary>
    public int SortOrder { get; set; }
    public DateTime? RetiredAt { get; set; }
    public uint Version { get; set; }
}
