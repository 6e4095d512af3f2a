using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>URL slugs: lower-case ASCII words joined by dashes, made once and never changed on rename.</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 100)
    {
        var decomposed = text.Replace("œ", "oe").Replace("Œ", "Oe").Replace("æ", "ae").Replace("Æ", "Ae")
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var dash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
            if (sb.Length >= maxLength) break;
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "page" : slug;
    }

    /// <summary>A slug not yet taken: "sanitas", then "sanitas-2", "sanitas-3"…</summary>
    public static async Task<string> UniqueAsync(string text, Func<string, Task<bool>> taken, int maxLength = 100)
    {
        var baseSlug = From(text, maxLength);
        var candidate = baseSlug;
        for (var n = 2; await taken(candidate); n++)
            candidate = $"{baseSlug}-{n}";
        return candidate;
    }
}
