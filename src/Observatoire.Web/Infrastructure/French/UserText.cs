using System.Globalization;
using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// The one rule for text people type or paste into the portal, applied to every posted form field by
/// <see cref="UserTextFilter"/>: a value is kept exactly as typed, or refused next to its field with a French message
/// that names the character and says what to do. Nothing is silently changed but the white space around a value (below; the NUL character, which neither ASP.NET
/// Core's form reader nor PostgreSQL can carry, is taken out earlier by <see cref="FormNulCharacters"/>, which tells the
/// filter where it was, so it is refused like the other controls).
/// <list type="bullet">
/// <item>Unicode non-characters (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF) and unpaired surrogates are refused: they are not
/// text, and .NET's normalisation throws on them.</item>
/// <item>Control characters (C0, DEL, C1) are refused, except tab and line breaks: a browser's one-line field cannot
/// send a line break, a pasted tab is ordinary white space, and every output that needs one line (iCalendar, Atom,
/// CSV) escapes them itself.</item>
/// <item>Explicit bidirectional controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069) are refused
/// rather than kept and isolated: no French or Arabic text typed on a keyboard needs them (the implicit marks
/// U+200E, U+200F and U+061C stay allowed), while an override makes « gnp.exe » read « exe.png » in every page,
/// export and PDF that would have to remember to isolate it. Pages still isolate user text in CSS
/// (<c>unicode-bidi: isolate</c>) for values stored before this rule.</item>
/// <item>White space around a value (spaces, tabs, line breaks before its first and after its last visible character) is
/// not text: a form may take it off both ends (<see cref="Outer"/>), and nothing else. « Atelier » pasted as
/// «  Atelier\t » is the same name; white space inside a value, and the indentation of its lines after the first, are
/// kept exactly. The corpus test (class « blancs autour ») holds every form to this.</item>
/// </list>
/// </summary>
public static class UserText
{
    /// <summary>The value without the white space around it: the one change a form may make to what was typed.</summary>
    public static string Outer(string value) => value.Trim();

    /// <summary>The French message for the first character <paramref name="value"/> may not hold, or null when it is fine.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var position = i + 1;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var code = char.ConvertToUtf32(c, value[i + 1]);
                if (IsNonCharacter(code)) return NonCharacter(code, position);
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"Le texte contient un caractère incomplet (position {position}), souvent laissé par un copier-coller : supprimez-le ou retapez ce passage.";
            if (IsNonCharacter(c)) return NonCharacter(c, position);
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
                return $"Le texte contient un caractère de contrôle invisible ({Code(c)}, position {position}) : supprimez-le, ou retapez ce passage au lieu de le coller.";
            if (IsBidiControl(c))
                return $"Le texte contient un caractère invisible qui change le sens de lecture ({Code(c)}, position {position}) : supprimez-le ; le portail oriente lui-même chaque texte.";
        }
        return null;
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane.</summary>
    public static bool IsNonCharacter(int code) => code is >= 0xFDD0 and <= 0xFDEF || (code & 0xFFFE) == 0xFFFE;

    /// <summary>Explicit embeddings, overrides and isolates, and their terminators.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// The text without what <see cref="Problem"/> refuses, for outputs built from values stored before the rule or
    /// imported (iCalendar, where RFC 5545 forbids control characters): line breaks and tabs become spaces when
    /// <paramref name="keepLineBreaks"/> is false; each removed character becomes <paramref name="replacement"/>.
    /// </summary>
    public static string Clean(string? value, bool keepLineBreaks = true, string replacement = "")
    {
        if (string.IsNullOrEmpty(value)) return "";
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (!IsNonCharacter(char.ConvertToUtf32(c, value[i + 1]))) sb.Append(c).Append(value[i + 1]);
                else sb.Append(replacement);
                i++;
            }
            else if (c is '\t' or '\r' or '\n') sb.Append(keepLineBreaks ? c : ' ');
            else if (!char.IsSurrogate(c) && !IsNonCharacter(c) && !char.IsControl(c) && !IsBidiControl(c)) sb.Append(c);
            else sb.Append(replacement);
        }
        return sb.ToString();
    }

    private static string NonCharacter(int code, int position) =>
        $"Le texte contient un caractère qui n'est pas du texte ({Code(code)}, position {position}), souvent laissé par un copier-coller : supprimez-le ou retapez ce passage.";

    private static string Code(int code) => "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
}
