namespace Observatoire.Web.Domain;

/// <summary>
/// A value of a list the observatory's own people administer in the portal (/admin/listes): themes, audiences,
/// territories, tool categories, licences, structure kinds. A retired value stays on past records and in past
/// figures, says so where it appears, and is no longer offered on new forms.
/// </summary>
public interface IReferenceValue
{
    int Id { get; }
    string Name { get; set; }
    /// <summary>Stable in URLs: a rename keeps it unless the administrator changes it; old slugs redirect.</summary>
    string Slug { get; set; }
    string? Description { get; set; }
    int SortOrder { get; set; }
    /// <summary>When set, the value is retired: kept where it was used, not offered on new forms.</summary>
    DateTime? RetiredAt { get; set; }
}

/// <summary>The columns every administered list shares; each list is its own table with these columns and its own extras.</summary>
public abstract class ReferenceValue : IReferenceValue
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    /// <summary>Order in lists and forms (for territories: among the communes, or among the quartiers of one commune).</summary>
    public int SortOrder { get; set; }
    public DateTime? RetiredAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// How a value of an administered list reads wherever it appears: its name, « (retiré) » when it is retired, and the
/// words said when a record has no value yet.
/// </summary>
public static class ReferenceValues
{
    /// <summary>Appended to a retired value's name wherever it appears: « Emploi (retiré) ».</summary>
    public const string RetiredMark = " (retiré)";

    public const string NoCategory = "Catégorie non précisée";
    public const string UnknownLicence = "Licence inconnue";
    public const string NoKind = "Type non précisé";

    /// <summary>« Cartographie », or « Cartographie (retiré) » once retired: still shown where it was used, and saying so.</summary>
    public static string Of(string name, DateTime? retiredAt) => retiredAt is null ? name : name + RetiredMark;

    /// <summary>The value's label, or <paramref name="none"/> when the record has none.</summary>
    public static string Of(IReferenceValue? value, string none) => value is null ? none : Of(value.Name, value.RetiredAt);
}
