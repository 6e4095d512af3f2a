using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// French hyphenation done on the server: soft hyphens (U+00AD) inserted at the points Liang's algorithm finds with
/// the French TeX patterns (embedded resource Hyphenation/hyph_fr.dic, LGPL-2.1+). Chromium then breaks lines there
/// with <c>hyphens: manual</c>; its own <c>hyphens: auto</c> needs dictionaries Debian's chromium does not ship.
/// French minimums: two letters before the break, three after. Only lower-case words made of letters are touched:
/// never numbers, URLs, e-mail addresses, code, proper nouns or acronyms.
/// </summary>
public static partial class FrenchHyphenation
{
    public const char SoftHyphen = '\u00AD';
    public const int LeftMin = 2;
    public const int RightMin = 3;

    private static readonly Lazy<Patterns> French = new(() => Patterns.Load(
        typeof(FrenchHyphenation).Assembly.GetManifestResourceStream("Observatoire.Web.Pages.Syntheses.Hyphenation.hyph_fr.dic")
        ?? throw new InvalidOperationException("Motifs de césure français introuvables (ressource hyph_fr.dic).")));

    /// <summary>The break points of one word, as offsets (a break before word[i]); empty when the word is left whole.</summary>
    public static IReadOnlyList<int> Points(string word) => French.Value.Points(word);

    /// <summary>"dématérialisation" → "dé­ma­té­ria­li­sa­tion" (with U+00AD).</summary>
    public static string Word(string word)
    {
        var points = Points(word);
        if (points.Count == 0) return word;
        var sb = new StringBuilder(word.Length + points.Count);
        var last = 0;
        foreach (var p in points)
        {
            sb.Append(word, last, p - last).Append(SoftHyphen);
            last = p;
        }
        return sb.Append(word, last, word.Length - last).ToString();
    }

    /// <summary>Plain text: each whitespace-separated token that is prose (no digit, URL, address or code sign) gets its letter runs hyphenated.</summary>
    public static string Text(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        StringBuilder? sb = null;
        var last = 0;
        foreach (Match token in Token().Matches(text))
        {
            if (token.Length < LeftMin + RightMin || !IsProse(token.ValueSpan)) continue;
            var hyphenated = Letters().Replace(token.Value, m => m.Length >= LeftMin + RightMin && IsLowerWord(m.ValueSpan) ? Word(m.Value) : m.Value);
            if (hyphenated.Length == token.Length) continue;
            sb ??= new StringBuilder(text.Length + text.Length / 8);
            sb.Append(text, last, token.Index - last).Append(hyphenated);
            last = token.Index + token.Length;
        }
        if (sb is null) return text;
        return sb.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>
    /// Hyphenates the text nodes of trusted HTML (the synthesis): tags, attributes and character references are
    /// kept, and nothing changes inside headings, table headers, navigation, code, SVG, scripts and styles, nor in
    /// any element marked <c>class="no-hyphens"</c> or carrying a <c>translate="no"</c>.
    /// </summary>
    public static string InHtml(string html)
    {
        var sb = new StringBuilder(html.Length + html.Length / 10);
        var skipped = new Stack<string>(); // open elements whose text is left whole
        var last = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            AppendText(html.AsSpan(last, tag.Index - last));
            sb.Append(tag.ValueSpan);
            last = tag.Index + tag.Length;
            if (!tag.Groups["name"].Success) continue;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (tag.Groups["close"].Success)
            {
                // Unwinds to the matching element even if a child was left unclosed.
                if (skipped.Contains(name))
                    while (skipped.Pop() != name) { }
            }
            else if (!tag.Groups["self"].Success && !IsVoid(name)
                     && (skipped.Count > 0 || IsKeptWhole(name) || tag.Value.Contains("no-hyphens", StringComparison.Ordinal)))
            {
                // Inside a skipped element every child is pushed too, so the stack unwinds with the closing tags.
                skipped.Push(name);
            }
        }
        AppendText(html.AsSpan(last));
        return sb.ToString();

        void AppendText(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty) return;
            if (skipped.Count > 0 || text.IndexOfAnyInRange('a', 'z') < 0) { sb.Append(text); return; }
            var s = text.ToString();
            // Entities stay as written: only the runs between them are hyphenated (a word never spans an entity here).
            var at = 0;
            foreach (Match entity in Entity().Matches(s))
            {
                sb.Append(Text(s[at..entity.Index])).Append(entity.ValueSpan);
                at = entity.Index + entity.Length;
            }
            sb.Append(Text(s[at..]));
        }
    }

    private static bool IsKeptWhole(string name) =>
        name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" or "nav" or "title" or "code" or "pre" or "kbd" or "samp"
            or "svg" or "script" or "style" or "textarea";

    private static bool IsVoid(string name) =>
        name is "br" or "img" or "hr" or "meta" or "link" or "input" or "wbr" or "col" or "source";

    /// <summary>Prose, not a number, reference, URL, address, path or identifier.</summary>
    private static bool IsProse(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (char.IsDigit(c) || c is '/' or '\\' or '@' or '_' or '=' or '#' or '{' or '}' or '<' or '>' or '|' or '~' or '+' or '*' or '&' or SoftHyphen)
                return false;
        var dot = token.IndexOf('.');
        // "www.exemple.fr", "fichier.pdf": a dot followed by a letter is not the end of a sentence.
        return dot < 0 || dot == token.Length - 1 || !char.IsLetter(token[dot + 1]);
    }

    /// <summary>Common nouns only: "Tours", "CNIL" or "iPhone" stay whole.</summary>
    private static bool IsLowerWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsLower(c)) return false;
        return true;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();

    [GeneratedRegex(@"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)?(?:[^>""']|""[^""]*""|'[^']*')*?(?<self>/)?>|<!--.*?-->|<!DOCTYPE[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    /// <summary>Liang's patterns: for each letter string, the values between its letters.</summary>
    private sealed class Patterns
    {
        private readonly Dictionary<string, byte[]> values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private int longest;

        private Patterns() => lookup = values.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The libhyphen format: a charset line, keywords (LEFTHYPHENMIN…, NEXTLEVEL), "%" comments, one pattern a line.</summary>
        public static Patterns Load(Stream stream)
        {
            var patterns = new Patterns();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var letters = new StringBuilder();
            var digits = new List<byte>();
            while (reader.ReadLine() is { } line)
            {
                line = line.Trim();
                if (line.Length == 0 || line[0] == '%' || line == "UTF-8" || char.IsUpper(line[0])) continue;
                letters.Clear();
                digits.Clear();
                digits.Add(0);
                foreach (var c in line)
                {
                    if (c is >= '0' and <= '9') digits[^1] = (byte)(c - '0');
                    else
                    {
                        letters.Append(c);
                        digits.Add(0);
                    }
                }
                var key = letters.ToString();
                patterns.values[key] = digits.ToArray();
                patterns.longest = Math.Max(patterns.longest, key.Length);
            }
            return patterns;
        }

        public IReadOnlyList<int> Points(string word)
        {
            if (word.Length < LeftMin + RightMin) return [];
            Span<char> w = word.Length + 2 <= 128 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
            w[0] = '.';
            for (var i = 0; i < word.Length; i++) w[i + 1] = char.ToLower(word[i], CultureInfo.InvariantCulture);
            w[^1] = '.';
            Span<byte> points = w.Length + 1 <= 128 ? stackalloc byte[w.Length + 1] : new byte[w.Length + 1];
            points.Clear();
            for (var start = 0; start < w.Length; start++)
                for (var end = start + 1; end <= Math.Min(w.Length, start + longest); end++)
                    if (lookup.TryGetValue(w[start..end], out var v))
                        for (var k = 0; k < v.Length; k++)
                            points[start + k] = Math.Max(points[start + k], v[k]);
            // points[m + 1] is the value between word[m - 1] and word[m]; odd means a break is allowed there.
            var result = new List<int>();
            for (var m = LeftMin; m <= word.Length - RightMin; m++)
                if ((points[m + 1] & 1) == 1) result.Add(m);
            return result;
        }
    }
}
