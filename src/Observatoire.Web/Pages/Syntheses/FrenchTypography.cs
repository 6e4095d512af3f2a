using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// French spacing for printed documents: a narrow no-break space (U+202F) before ; : ! ? » and after «, so that
/// the punctuation never starts a line. Only text is touched: never tags, attributes, entities, code or URLs.
/// </summary>
public static partial class FrenchTypography
{
    public const char NarrowNoBreakSpace = '\u202F';

    /// <summary>Plain text, HTML-encoded afterwards: <c>Html(Text("Bilan : ok"))</c>.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Explicit bidi overrides are refused at input (UserText); one stored before that rule must not reorder a
        // printed line (« gnp.exe » read « exe.png »), so the PDF drops it.
        if (text.Any(UserText.IsBidiControl)) text = string.Concat(text.Where(c => !UserText.IsBidiControl(c)));
        var sb = new StringBuilder(text.Length + 8);
        foreach (var word in Words().Split(text))
            sb.Append(word.Length > 0 && !char.IsWhiteSpace(word[0]) && !IsUrl(word) ? SpaceWord(word) : word);
        return Collapse(sb.ToString());
    }

    /// <summary>Encodes <paramref name="text"/> for HTML after spacing it.</summary>
    public static string Html(string? text) => Encode(Text(text));

    /// <summary>Minimal HTML encoding that keeps accents and spaces readable in the source.</summary>
    public static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>
    /// Spaces the text nodes of trusted, already sanitised HTML (a wiki revision): tags and their attributes,
    /// character references, and the content of &lt;pre&gt;, &lt;code&gt;, &lt;script&gt; and &lt;style&gt; stay as they are.
    /// </summary>
    public static string InHtml(string html)
    {
        var sb = new StringBuilder(html.Length + 64);
        var raw = 0; // depth inside elements whose text must not change
        var last = 0;
        foreach (Match tag in Tags().Matches(html))
        {
            AppendText(html[last..tag.Index]);
            sb.Append(tag.Value);
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (name is "pre" or "code" or "script" or "style" or "kbd" or "samp")
                raw = Math.Max(0, raw + (tag.Groups["close"].Success ? -1 : 1));
            last = tag.Index + tag.Length;
        }
        AppendText(html[last..]);
        return sb.ToString();

        void AppendText(string text)
        {
            if (raw > 0 || text.Length == 0) { sb.Append(text); return; }
            // Decode so that "&raquo;" and "&#160;:" are seen as the characters they are, then encode again.
            sb.Append(Encode(Text(WebUtility.HtmlDecode(text))));
        }
    }

    private static string SpaceWord(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var previous = i > 0 ? word[i - 1] : '\0';
            if (c is ';' or '!' or '?' or '»' or ':' && i > 0 && !IsSpaceOrMark(previous) && EndsWord(word, i)
                && !(c == ':' && IsTimeOrRatio(word, i)))
                sb.Append(NarrowNoBreakSpace);
            sb.Append(c);
            if (c == '«' && i + 1 < word.Length && !char.IsWhiteSpace(word[i + 1]) && word[i + 1] != NarrowNoBreakSpace)
                sb.Append(NarrowNoBreakSpace);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Punctuation glued to a word is spaced only where it ends the word ("réussite!", "Oui;"): inside one it belongs to
    /// what someone quoted verbatim (a formula "=SI(A1>0;1;0)", a path "C:\Temp", code "f(x);g()"), printed as typed.
    /// </summary>
    private static bool EndsWord(string word, int i) =>
        i + 1 >= word.Length || word[(i + 1)..].All(c => c is ';' or '!' or '?' or '»' or ':' or '.' or ',' or ')' or '"' or '\'' or '…');

    /// <summary>"10:30", "1:2": a colon between digits is not French punctuation.</summary>
    private static bool IsTimeOrRatio(string word, int i) =>
        i > 0 && i + 1 < word.Length && char.IsDigit(word[i - 1]) && char.IsDigit(word[i + 1]);

    private static bool IsSpaceOrMark(char c) => c is NarrowNoBreakSpace or '\u00A0' or ';' or '!' or '?' or ':' or '«' or '»';

    private static bool IsUrl(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || word.Contains('@');

    /// <summary>"Bilan : ok" → the ordinary space before ":" becomes the narrow no-break one; same after «.</summary>
    private static string Collapse(string text) => SpaceBefore().Replace(SpaceAfter().Replace(text, "«\u202F"), "\u202F$1");

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex Words();

    [GeneratedRegex(@"[ \u00A0\u202F]+([;:!?»])")]
    private static partial Regex SpaceBefore();

    [GeneratedRegex(@"«[ \u00A0\u202F]+")]
    private static partial Regex SpaceAfter();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)?[^>]*>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tags();
}
