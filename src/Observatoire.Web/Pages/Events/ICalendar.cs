using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Ical.Net.Serialization.DataTypes;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// Writes RFC 5545 calendars with Ical.Net: CRLF line endings, lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped, and instants in UTC ("Z"), so no client has to know Paris's rules.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public record Entry(string Uid, int Sequence, DateTime StartsAtUtc, DateTime EndsAtUtc, DateTime StampUtc, string Summary,
        string? Description, string? Location, string Url, bool Cancelled);

    /// <summary>
    /// PRODID (RFC 5545 §3.7.3) names who wrote the calendar: the observatory and its territory, as a formal public
    /// identifier whose parts "//" separates (so a slash in a name is dropped).
    /// </summary>
    public static string ProductId(string observatoryName, string? territory)
    {
        static string Part(string s) => s.Replace("/", " ").Trim();
        return territory is null ? $"-//{Part(observatoryName)}//FR" : $"-//{Part(observatoryName)}//{Part(territory)}//FR";
    }

    public static string Write(string productId, string calendarName, IEnumerable<Entry> entries)
    {
        var calendar = new Calendar
        {
            ProductId = productId,
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/Paris");
        foreach (var e in entries)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid,
                Sequence = e.Sequence,
                DtStamp = Utc(e.StampUtc),
                DtStart = Utc(e.StartsAtUtc),
                DtEnd = Utc(e.EndsAtUtc),
                // RFC 5545 §3.3.11 forbids control characters in TEXT: forms refuse them (UserText), and values stored
                // before that rule or imported lose them here. SUMMARY and LOCATION are one line.
                Summary = UserText.Clean(e.Summary, keepLineBreaks: false),
                Description = string.IsNullOrWhiteSpace(e.Description) ? null : UserText.Clean(e.Description).Replace("\t", " "),
                Location = string.IsNullOrWhiteSpace(e.Location) ? null : UserText.Clean(e.Location, keepLineBreaks: false),
                Url = new Uri(e.Url),
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        return VersionFirst(new CalendarSerializer().SerializeToString(calendar)!);
    }

    /// <summary>TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as "\n".</summary>
    public static string Escape(string text) => new StringSerializer().SerializeToString(text) ?? "";

    /// <summary>Npgsql reads timestamptz as UTC already; an unspecified kind would make Ical.Net write a floating time.</summary>
    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    // Ical.Net 5.2.4 writes properties in name order and never uses its own VERSION-first sorter (ComponentSerializer): ICalendarTests pin VERSION first.
    private static string VersionFirst(string text)
    {
        const string begin = "BEGIN:VCALENDAR\r\n", version = "VERSION:2.0\r\n";
        var at = text.IndexOf("\r\n" + version, StringComparison.Ordinal) + 2;
        return at < begin.Length ? text : begin + version + text[begin.Length..at] + text[(at + version.Length)..];
    }
}
