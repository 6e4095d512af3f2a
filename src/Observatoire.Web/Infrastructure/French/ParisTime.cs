namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Wall time in Europe/Paris, the only time zone people of the portal live in. Instants are stored in UTC;
/// this converts what people type and read, and refuses the hour that does not exist on the spring change.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// The UTC instant of a Paris wall time, or null when that time is skipped (last Sunday of March, 2:00–2:59).
    /// In the repeated hour of October the first occurrence (summer time) is taken: a meeting at 2:30 is the earlier one.
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) return null;
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime FromUtc(DateTime utc) => ToParis(utc);

    /// <summary>A Paris wall time as UTC; a time in the skipped spring hour is read one hour later, as clocks show it.</summary>
    public static DateTime ToUtc(DateTime local) =>
        ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
        ?? ToUtc(DateOnly.FromDateTime(local.AddHours(1)), TimeOnly.FromDateTime(local.AddHours(1)))!.Value;

    // The spaces inside an hour are no-break spaces: « 14 h 00 » must not wrap into « 14 h » / « 00 » on a phone.
    private const string HourFormat = "H'\u00A0h\u00A0'mm";

    /// <summary>"15 mars 2026 à 18 h 00".</summary>
    public static string Format(DateTime utc) => $"{Date(utc)} à {Hour(utc)}";

    /// <summary>"15 mars 2026": the Paris day of an instant (23 h 30 UTC may already be the next day in Paris).</summary>
    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(ToParis(utc)));

    /// <summary>"15 mars 2026", "1er décembre 2025": a day as every page, export and PDF writes it.</summary>
    public static string Date(DateOnly day) => DayAndMonth(day) + day.ToString(" yyyy", French.Culture);

    /// <summary>"15 mars", "1er décembre": a day whose year the sentence already gives.</summary>
    public static string DayAndMonth(DateOnly day) =>
        (day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture)) + day.ToString(" MMMM", French.Culture);

    /// <summary>"mars 2026": a month of a monthly table or chart.</summary>
    public static string Month(DateOnly day) => day.ToString("MMMM yyyy", French.Culture);

    /// <summary>« 1er trimestre 2026 », « 3e trimestre 2026 ».</summary>
    public static string Quarter(DateOnly day) =>
        (day.Month - 1) / 3 + 1 is var q && q == 1 ? $"1er trimestre {day.Year}" : $"{q}e trimestre {day.Year}";

    /// <summary>« du 1er décembre 2025 au 30 novembre 2026 »: a period of whole days, both included, in words.</summary>
    public static string Period(DateOnly from, DateOnly to) => $"du {Date(from)} au {Date(to)}";

    /// <summary>"15/03/2026 18:00:05": an instant to the second, where a log is compared line by line.</summary>
    public static string Precise(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"2026-03-15 18:00": the Paris hour of an instant in an export, minutes dropped (a response's exact time could identify its author).</summary>
    public static string ExportHour(DateTime utc) => ToParis(utc).ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture);

    /// <summary>
    /// "2026-03-15 18:30": a wall time read from a spreadsheet cell, written as the import reads it. A cell carries
    /// no zone: it is the hour the partner typed, already Paris time, so it is written as is, never converted.
    /// </summary>
    public static string CellWallTime(DateTime wallTime) => wallTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"14:05": the value of an &lt;input type="time"&gt; for a Paris wall time.</summary>
    public static string InputTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"15 mars 2026", with the short month where a list has little room ("15 janv. 2026").</summary>
    public static string ShortDate(DateTime utc) => ToParis(utc).ToString("d MMM yyyy", French.Culture);

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(ToParis(utcNow));

    /// <summary>"mardi 24 novembre 2026 à 14 h 00".</summary>
    public static string Long(DateTime utc) => $"{Day(utc)} à {Hour(utc)}";

    /// <summary>"mardi 1er décembre 2026".</summary>
    public static string Day(DateTime utc) => ToParis(utc).ToString("dddd ", French.Culture) + Date(utc);

    public static string Hour(DateTime utc) => ToParis(utc).ToString(HourFormat, French.Culture);

    /// <summary>"mardi 24 novembre 2026, 14 h 00 – 16 h 30", or both dates when it spans days.</summary>
    public static string Range(DateTime startUtc, DateTime endUtc)
    {
        var start = ToParis(startUtc);
        var end = ToParis(endUtc);
        return start.Date == end.Date
            ? $"{Day(startUtc)}, {Hour(startUtc)} – {Hour(endUtc)}"
            : $"du {Long(startUtc)} au {Long(endUtc)}";
    }

    /// <summary>Value for &lt;time datetime&gt;: the instant with its Paris offset.</summary>
    public static string Iso(DateTime utc)
    {
        var paris = ToParis(utc);
        return new DateTimeOffset(paris, Zone.GetUtcOffset(paris)).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }
}
