using System.ComponentModel;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum TerritoryKind
{
    [Display(Name = "Commune"), ExternalName("Commune")] Municipality,
    [Display(Name = "Quartier"), ExternalName("Quartier")] Neighbourhood,
}

/// <summary>A commune, or a quartier inside a commune.</summary>
public class Territory : ReferenceValue
{
    public TerritoryKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Territory? Parent { get; set; }
    public List<Territory> Children { get; set; } = [];

    /// <summary>
    /// The official contour (a GeoJSON Polygon or MultiPolygon in longitude/latitude), imported by an administrator at
    /// /admin/contours-territoires; null until then. Drawn by the quartiers map, never sent anywhere. Text read with
    /// NetTopologySuite rather than a PostGIS geometry: the map only draws it, and an extension to install on every
    /// server and in CI is not worth it until a query needs it (placing a structure in its quartier from coordinates).
    /// </summary>
    public string? Contour { get; set; }

    /// <summary>Row and column of its cell on the schematic map when no contour is known (1-based); null: laid out by name.</summary>
    public int? GridRow { get; set; }
    public int? GridColumn { get; set; }

    /// <summary>Bounds of <see cref="GridRow"/> and <see cref="GridColumn"/>: a town's quartiers fit well inside.</summary>
    public const int GridMax = 30;

    /// <summary>
    /// The one way a territory is named to people, on every page, export and PDF: a commune by its name, a quartier
    /// always with its commune, « Centre (Tours) ». Always rather than only when two quartiers share a name: a label
    /// in a CSV, an open-data file or a printed synthesis must not change the day a homonym is added elsewhere.
    /// Queries project the two names and call this in their final Select (EF runs it on the rows read).
    /// </summary>
    /// <param name="commune">The parent commune's name; null for a commune.</param>
    public static string Label(string name, string? commune) => commune is null ? name : $"{name} ({commune})";

    /// <summary>The label, marked « (retiré) » when the territory or its commune is retired.</summary>
    public static string Label(string name, string? commune, bool retired) =>
        Label(name, commune) + (retired ? ReferenceValues.RetiredMark : "");
}
