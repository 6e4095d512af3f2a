namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>Bounds of one uploaded file; <see cref="Default"/> is what the import pages use.</summary>
public sealed record TabularLimits(long MaxFileBytes, int MaxRows, int MaxColumns, int MaxCellChars, long MaxUncompressedBytes)
{
    public static readonly TabularLimits Default = new(MaxFileBytes: 25 * 1024 * 1024, MaxRows: 200_000, MaxColumns: 200, MaxCellChars: 32_000, MaxUncompressedBytes: 300L * 1024 * 1024);
}

public enum TabularFormat { Csv, Xlsx, Ods, Json }

/// <summary>
/// One data row: <see cref="Line"/> is the row number the user sees in the spreadsheet or text editor (header = line 1
/// when it is the first row). For CSV it is the line where the record starts, counting the lines inside quoted fields.
/// </summary>
public sealed record TabularRow(int Line, IReadOnlyList<string?> Cells);

/// <summary>
/// An open file: the header row (first non-empty row), then the data rows streamed lazily, one pass, never the whole
/// sheet in memory. Cells are strings: trimmed of surrounding whitespace; empty → null; numbers in invariant culture
/// without useless decimals ("12", "3.5"); dates as "yyyy-MM-dd" (with time "yyyy-MM-dd HH:mm" when it has one);
/// booleans "oui"/"non"; formulas never evaluated by us (a spreadsheet's cached value is read; a text cell starting
/// with "=" stays text). Fully empty rows are skipped (but still counted in Line numbers).
/// </summary>
public interface ITabularReader : IDisposable
{
    TabularFormat Format { get; }

    /// <summary>CSV only: "UTF-8" or "Windows-1252" ("UTF-16" for Excel's « Texte Unicode », which starts with a byte-order mark).</summary>
    string? Encoding { get; }

    /// <summary>CSV only.</summary>
    char? Delimiter { get; }

    IReadOnlyList<string> Header { get; }

    /// <summary>Throws <see cref="TabularFileException"/> when a limit is crossed while reading. One pass only.</summary>
    IEnumerable<TabularRow> Rows { get; }
}

/// <summary>
/// The file cannot be read; <see cref="Exception.Message"/> is French, says what to do, and leaks no path or stack
/// (« Le fichier dépasse 200 000 lignes : découpez-le en plusieurs fichiers. »).
/// </summary>
public sealed class TabularFileException(string message) : Exception(message);
