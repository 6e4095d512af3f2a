using System.Text;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// How a spreadsheet's words compare: accents, case and punctuation ignored (« Centre-Social » = « centre social »),
/// so a header or a value typed by hand finds the column or the record it means.
/// </summary>
public static class TextKey
{
    public static string Of(string text)
    {
        var decomposed = text.Replace("œ", "oe").Replace("Œ", "oe").Replace("æ", "ae").Replace("Æ", "ae").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="max"/> (then returns max + 1).</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, current[j]);
            }
            if (best > max) return max + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

/// <summary>
/// Finds the value of a list (a territory, a structure kind, a structure…) a cell names: by name or slug, or by an old
/// slug or merged duplicate's slug (<see cref="SlugAlias"/>), accents and case ignored. An unknown name gets the
/// closest value as a suggestion (« vouliez-vous dire « Sanitas » ? »). One matcher for every kind of import.
/// </summary>
public sealed class ReferenceMatcher<T> where T : class
{
    private readonly Dictionary<string, T> _byKey = [];
    private readonly List<(string Key, string Name)> _names = [];
    private readonly Func<T, string> _name;

    /// <param name="aliases">Other slugs the values answer to (old slugs, merged duplicates), with the value they lead to.</param>
    public ReferenceMatcher(IEnumerable<T> values, Func<T, string> name, Func<T, string> slug, IEnumerable<(string Slug, T Value)>? aliases = null)
    {
        _name = name;
        foreach (var value in values)
        {
            var key = TextKey.Of(name(value));
            // The first value keeps a shared name: lists are ordered by the caller (e.g. values in use before retired ones).
            _byKey.TryAdd(key, value);
            _byKey.TryAdd(TextKey.Of(slug(value)), value);
            _names.Add((key, name(value)));
        }
        foreach (var (aliasSlug, value) in aliases ?? [])
            _byKey.TryAdd(TextKey.Of(aliasSlug), value);
    }

    public T? Find(string text) => _byKey.GetValueOrDefault(TextKey.Of(text));

    /// <summary>Adds a value created during the import, so later lines of the same file find it.</summary>
    public void Add(T value, string slug)
    {
        var key = TextKey.Of(_name(value));
        _byKey.TryAdd(key, value);
        _byKey.TryAdd(TextKey.Of(slug), value);
        _names.Add((key, _name(value)));
    }

    /// <summary>The closest name, when it is close enough to be a typing slip (a quarter of the length, at least 2 letters).</summary>
    public string? Suggest(string text)
    {
        var key = TextKey.Of(text);
        if (key.Length == 0) return null;
        var max = Math.Max(2, key.Length / 4);
        string? best = null;
        var bestDistance = max + 1;
        foreach (var (candidate, name) in _names)
        {
            var d = TextKey.Distance(key, candidate, max);
            if (d < bestDistance) (best, bestDistance) = (name, d);
        }
        return best;
    }

    /// <summary>« territoire « Sanitass » inconnu — vouliez-vous dire « Sanitas » ? »</summary>
    public string Unknown(string what, string text, bool feminine = false)
    {
        var suggestion = Suggest(text);
        var message = $"{what} « {text} » {(feminine ? "inconnue" : "inconnu")}";
        return suggestion is null ? message : $"{message} — vouliez-vous dire « {suggestion} » ?";
    }
}
