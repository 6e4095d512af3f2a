using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// CSV for spreadsheets used in France: UTF-8 with a byte-order mark (so Excel reads the accents), ";" between
/// fields, CRLF line ends, and cells starting with = + - @ (or tab / CR) prefixed with an apostrophe so that
/// a spreadsheet never runs them as formulas.
/// </summary>
public static partial class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    [System.Text.RegularExpressions.GeneratedRegex(@"^-\d+([.,]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

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
        var v = value ?? "";
        // A leading = + - @ (or tab, CR) would make Excel or LibreOffice evaluate the cell: an answer typed by anyone
        // must stay text. Numbers we write ourselves ("-3") are not prefixed: they cannot carry a formula.
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0]) && !PlainNumber().IsMatch(v))
            v = "'" + v;
        return v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
