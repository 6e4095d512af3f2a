using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// CSV for spreadsheets used in France: UTF-8 with a byte-order mark (so Excel reads the accents), ";" between
/// fields, CRLF line ends, and cells starting with = + - @ (or tab / CR) prefixed with an apostrophe so that
/// a spreadsheet never runs them as formulas.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        AppendLine(sb, header);
        foreach (var row in rows) AppendLine(sb, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static void AppendLine(StringBuilder sb, IEnumerable<string?> cells) =>
        sb.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
}
