using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// CSV for spreadsheets used in France: UTF-8 with a byte-order mark (so Excel reads the accents), ";" between
/// fields, CRLF line ends, and cells that cannot run as formulas.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows) =>
        Write(rows.Prepend(header));

    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
            sb.Append(string.Join(';', row.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A leading = + - @ (or tab, CR) would make Excel or LibreOffice evaluate the cell: prefixed whatever it is,
        // as OWASP advises (a negative number reads as text, which is safer than guessing it is one).
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
