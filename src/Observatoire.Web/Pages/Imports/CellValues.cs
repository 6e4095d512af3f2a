namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// How a cell's text reads as a date, a whole number or a list, the same for every kind: the file reader already gives
/// spreadsheet dates as « 2026-03-14 » and numbers in invariant culture, people type « 14/03/2026 » and « 1 200 ».
/// </summary>
public static class CellValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "dd.MM.yyyy", "dd-MM-yyyy"];

    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>A whole number, spaces between thousands allowed (« 1 200 »), a spreadsheet's « 12.0 » too.</summary>
    public static bool TryInteger(string text, out int value)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F').ToArray());
        if (int.TryParse(compact, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        if (decimal.TryParse(compact.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The text a cell means: the portal's CSV exports put an apostrophe before a text starting with = + - @ so that no
    /// spreadsheet evaluates it (<see cref="Csv"/>), and spreadsheets hide it the same way; it is not part of the value.
    /// A NUL never gets here: <see cref="ImportPipeline"/> refuses its line, as the forms refuse it next to the field.
    /// </summary>
    public static string? Text(string? cell)
    {
        if (cell is null) return null;
        if (cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1])) cell = cell[1..];
        return cell.Length == 0 ? null : cell;
    }

    /// <summary>The values of a list cell, separated by « , » or « ; » (the exports write « , »), blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
