namespace Observatoire.Web.Domain;

/// <summary>
/// How a value of an administered list reads where it appears: its name, « (retiré) » when it is retired, and the words
/// said when a record has no value yet.
/// </summary>
public static class ReferenceLabel
{
    public const string NoCategory = "Catégorie non précisée";
    public const string UnknownLicence = "Licence inconnue";
    public const string NoKind = "Type non précisé";

    /// <summary>« Cartographie », or « Cartographie (retiré) » once retired: still shown where it was used, and saying so.</summary>
    public static string Of(string name, DateTime? retiredAt) => retiredAt is null ? name : $"{name} (retiré)";

    /// <summary>The value's label, or <paramref name="none"/> when the record has none.</summary>
    public static string Of(IReferenceValue? value, string none) => value is null ? none : Of(value.Name, value.RetiredAt);
}
