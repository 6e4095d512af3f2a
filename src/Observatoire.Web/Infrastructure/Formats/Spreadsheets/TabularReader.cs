using System.Globalization;
using System.Xml;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// What every format shares once its cells are strings: trimming, empty → null, the header as the first non-empty
/// row, fully empty rows skipped, data rows cut or padded to the header's width, and the row, column and cell bounds.
/// A format only yields its rows in order with their line numbers (<see cref="ReadRawRows"/>), lazily.
/// </summary>
internal abstract class TabularReader(TabularLimits limits) : ITabularReader
{
    protected readonly TabularLimits Limits = limits;
    private IEnumerator<RawRow>? rows;
    private bool rowsTaken;

    /// <summary>A row as the file holds it: cells left to right (null or raw text), not yet trimmed.</summary>
    protected readonly record struct RawRow(int Line, IReadOnlyList<string?> Cells);

    public abstract TabularFormat Format { get; }
    public virtual string? Encoding => null;
    public virtual char? Delimiter => null;
    public IReadOnlyList<string> Header { get; private set; } = [];

    public IEnumerable<TabularRow> Rows
    {
        get
        {
            if (rowsTaken) throw new InvalidOperationException("The rows of a tabular file are read once.");
            rowsTaken = true;
            return ReadDataRows();
        }
    }

    protected abstract IEnumerable<RawRow> ReadRawRows();

    /// <summary>Reads up to the header; called by <see cref="TabularFile.Open"/> once the format is set up.</summary>
    internal void ReadHeader()
    {
        rows = ReadRawRows().GetEnumerator();
        while (rows.MoveNext())
        {
            var cells = Clean(rows.Current);
            if (cells.Count == 0) continue;
            Header = cells.Select(c => c ?? "").ToArray();
            return;
        }
        throw new TabularFileException(TabularMessages.NoHeader);
    }

    private IEnumerable<TabularRow> ReadDataRows()
    {
        if (rows is null) throw new InvalidOperationException("ReadHeader must be called first.");
        var count = 0;
        while (rows.MoveNext())
        {
            var raw = rows.Current;
            var cells = Clean(raw);
            if (cells.Count == 0) continue;
            if (++count > Limits.MaxRows) throw new TabularFileException(TabularMessages.TooManyRows(Limits.MaxRows));
            if (cells.Count > Header.Count)
                throw new TabularFileException(TabularMessages.BeyondHeader(raw.Line, cells.Count, Header.Count));
            var row = new string?[Header.Count];
            for (var i = 0; i < cells.Count; i++) row[i] = cells[i];
            yield return new TabularRow(raw.Line, row);
        }
    }

    /// <summary>Trimmed cells up to the last non-empty one; an empty list for a fully empty row.</summary>
    private List<string?> Clean(RawRow raw)
    {
        var cells = new List<string?>(raw.Cells.Count);
        var width = 0;
        foreach (var value in raw.Cells)
        {
            var cell = value?.Trim();
            if (string.IsNullOrEmpty(cell)) cell = null;
            else
            {
                if (cell.Length > Limits.MaxCellChars)
                    throw new TabularFileException(TabularMessages.CellTooLong(raw.Line, cells.Count + 1, Limits.MaxCellChars));
                width = cells.Count + 1;
            }
            cells.Add(cell);
        }
        if (width > Limits.MaxColumns) throw new TabularFileException(TabularMessages.TooManyColumns(raw.Line, Limits.MaxColumns));
        cells.RemoveRange(width, cells.Count - width);
        return cells;
    }

    /// <summary>A typed cell as the import reads it: invariant numbers, ISO dates, « oui »/« non ».</summary>
    protected static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "oui" : "non",
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A parser's complaint about a damaged file (bad XML, a DOCTYPE, a missing part) becomes the French « illisible ».</summary>
    protected static T Translate<T>(Func<T> read)
    {
        try { return read(); }
        catch (Exception e) when (e is XmlException or InvalidDataException or InvalidOperationException or FormatException
                                      or OverflowException or KeyNotFoundException or IndexOutOfRangeException)
        {
            throw new TabularFileException(TabularMessages.Damaged);
        }
    }

    public void Dispose()
    {
        rows?.Dispose();
        DisposeSource();
    }

    protected abstract void DisposeSource();
}
