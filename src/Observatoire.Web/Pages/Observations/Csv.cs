using System.Text;

namespace Observatoire.Web.Pages.Observations;

/// <summary>
/// CSV as French spreadsheets open it correctly: UTF-8 with a byte-order mark, <c>;</c> between cells, CRLF lines.
/// Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed with
/// an apostrophe, so an exported cell can never execute anything.
/// </summary>
public static class Csv
{
    public const char Separator = ';';

    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([Separator, '"', '\n', '\r']) >= 0
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(Separator, cells.Select(Cell)) + "\r\n";

    /// <summary>The whole file, BOM included.</summary>
    public static byte[] Document(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(Line(header));
        foreach (var row in rows) sb.Append(Line(row));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
