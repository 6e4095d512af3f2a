using CsvHelper;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// CSV for spreadsheets used in France, written by CsvHelper: UTF-8 with a byte-order mark (so Excel reads the accents),
/// ";" between fields, CRLF line ends, RFC 4180 quoting, and cells starting with = + - @ (or tab / CR) prefixed with an
/// apostrophe so that a spreadsheet never runs them as formulas.
/// </summary>
public static partial class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Rows may differ in length, as before: the callers write tables, not records of one type.</summary>
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        ValidateFieldCount = false,
        Injection = CsvInjection.None,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^-\d+([.,]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    /// <param name="byteOrderMark">False for files read by programs rather than spreadsheets (the open data): a
    /// Frictionless reader takes the mark for part of the first column's name.</param>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows, bool byteOrderMark = true) =>
        Write(rows.Prepend(header), byteOrderMark);

    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows, bool byteOrderMark = true)
    {
        var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Options with { WriteByteOrderMark = byteOrderMark }, leaveOpen: true))
            foreach (var row in rows)
                csv.WriteRecord(row.Select(Protect).ToArray());
        return output.ToArray();
    }

    /// <summary>The same file, streamed: rows go out as they come, flushed asynchronously (a response body refuses synchronous writes).</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await foreach (var row in rows.WithCancellation(ct))
            await csv.WriteRecordAsync(Array.ConvertAll(row, Protect), ct);
    }

    /// <summary>One cell as the file holds it.</summary>
    public static string Cell(string? value)
    {
        var text = new StringWriter();
        using var csv = CsvWriter.Create(text, Options with { BufferSize = 256 }, leaveOpen: true);
        csv.WriteField(Protect(value));
        csv.Flush();
        return text.ToString();
    }

    // CsvHelper's own protection (CsvInjection.Escape) also quotes the cell and prefixes numbers we write ("-3"), which CsvTests pin otherwise.
    private static string? Protect(string? value) =>
        // A leading = + - @ (or tab, CR) would make Excel or LibreOffice evaluate the cell: an answer typed by anyone
        // must stay text. Numbers we write ourselves ("-3") are not prefixed: they cannot carry a formula.
        value is { Length: > 0 } v && "=+-@\t\r".Contains(v[0]) && !PlainNumber().IsMatch(v) ? "'" + v : value;
}
