using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>CSV for French spreadsheets: UTF-8 with BOM, ';' separators, and cells that cannot run as formulas.</summary>
public static partial class Csv
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^-\d+([.,]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumberRegex();
    private static readonly System.Text.RegularExpressions.Regex PlainNumber = PlainNumberRegex();

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
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0]) && !PlainNumber.IsMatch(v))
            v = "'" + v;
        return v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
