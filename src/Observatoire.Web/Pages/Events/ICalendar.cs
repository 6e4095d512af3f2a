using System.Globalization;
using System.Text;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// Writes RFC 5545 calendars: CRLF line endings, lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped, and instants in UTC ("Z"), so no client has to know Paris's rules.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public record Entry(string Uid, int Sequence, DateTime StartsAtUtc, DateTime EndsAtUtc, DateTime StampUtc, string Summary,
        string? Description, string? Location, string Url, bool Cancelled);

    public static string Write(string calendarName, IEnumerable<Entry> entries)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Observatoire des usages numériques//Tours et Joué-lès-Tours//FR");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        Line(sb, "X-WR-TIMEZONE:Europe/Paris");
        foreach (var e in entries)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid);
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "DTSTAMP:" + Utc(e.StampUtc));
            Line(sb, "DTSTART:" + Utc(e.StartsAtUtc));
            Line(sb, "DTEND:" + Utc(e.EndsAtUtc));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Description)) Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrWhiteSpace(e.Location)) Line(sb, "LOCATION:" + Escape(e.Location));
            Line(sb, "URL:" + e.Url);
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as "\n".</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Appends a content line folded at 75 octets (§3.1): continuation lines start with one space.</summary>
    public static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            // A surrogate pair is one character of four UTF-8 octets: never split it.
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            sb.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        sb.Append("\r\n");
    }
}
