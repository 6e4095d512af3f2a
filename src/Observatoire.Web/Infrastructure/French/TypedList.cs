namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Several names typed in one field (wiki categories, tools not yet listed), separated by commas, semicolons or line
/// breaks — what the fields' hints say. A name out of bounds, or one too many, is refused with a message that says
/// which and what to change: never dropped without a word.
/// </summary>
/// <param name="One">The noun for one item with its article, « une catégorie », « un nom d'outil ».</param>
/// <param name="Several">The plural noun, « catégories », « outils ».</param>
public sealed record TypedList(int MinLength, int MaxLength, int MaxCount, string One, string Several)
{
    public const string Hint = "séparés par des virgules ou des points-virgules";

    private static readonly char[] Separators = [',', ';', '\n'];

    /// <summary>The names, trimmed, without repeats (case ignored), in the order typed.</summary>
    public static List<string> Split(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The French message for the first name out of bounds, or for too many names; null when all fit.</summary>
    public string? Problem(string? text)
    {
        var items = Split(text);
        foreach (var item in items)
        {
            if (item.Length < MinLength)
                return $"« {item} » est trop court : {One} fait au moins {MinLength} caractères. Complétez ce nom ou retirez-le.";
            if (item.Length > MaxLength)
                return $"« {Excerpt(item)} » fait {Count(item.Length)} caractères : {One} en fait au plus {MaxLength}. Raccourcissez ce nom.";
        }
        return items.Count > MaxCount
            ? $"{items.Count} {Several} : {MaxCount} au plus. Retirez-en {items.Count - MaxCount}."
            : null;
    }

    private static string Count(int n) => n.ToString("N0", French.Culture);

    private static string Excerpt(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
