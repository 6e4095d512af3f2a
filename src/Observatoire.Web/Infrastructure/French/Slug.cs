using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>URL slugs: lower-case ASCII words joined by dashes, made once and never changed on rename.</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 100)
    {
        // Cleaned first: String.Normalize throws on a non-character or an unpaired surrogate, and a slug keeps only
        // ASCII letters and digits anyway.
        var decomposed = Decompose(UserText.Clean(text, keepLineBreaks: false, replacement: " ")
            .Replace("œ", "oe").Replace("Œ", "Oe").Replace("æ", "ae").Replace("Æ", "Ae"));
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

    /// <summary>Letters split from their accents; a code point normalisation still refuses (unassigned) becomes a space.</summary>
    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                var s = rune.ToString();
                try { sb.Append(s.Normalize(NormalizationForm.FormD)); }
                catch (ArgumentException) { sb.Append(' '); }
            }
            return sb.ToString();
        }
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
