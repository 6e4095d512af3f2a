using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// The first worksheet of an .xlsx, read by MiniExcel. Chosen over ExcelDataReader, the other maintained reader
/// served here: MiniExcel streams the sheet's XML one row at a time (<c>QueryRange</c> is a lazy enumeration over an
/// <see cref="XmlReader"/>), keeps shared strings over 5 MB in a disk cache instead of memory, reads a formula cell's
/// cached value and never evaluates it, and is actively released (1.47, 2025–2026) while ExcelDataReader's last
/// release served here dates from 2019. Its XML settings leave DTD processing prohibited (the .NET default) with no
/// resolver, so a DOCTYPE makes the file unreadable rather than expanding entities.
/// Bounds MiniExcel does not know are ours: the zip is checked by <see cref="ZipGuard"/> before MiniExcel opens it,
/// and rows are asked only up to column <see cref="TabularLimits.MaxColumns"/> + 1, because MiniExcel gives every
/// row as many cells as the sheet's declared dimension (up to XFD, 16,384, in a hostile or careless file). A value in
/// column MaxColumns + 1 is refused as one column too many; a sheet whose column MaxColumns + 1 is empty but which
/// holds values further right has those values left unread (a known limit of this bound).
/// Line numbers: MiniExcel yields the rows the file skips as empty ones, so the n-th row is spreadsheet row n.
/// </summary>
internal sealed class XlsxTabularReader : TabularReader
{
    private readonly Stream stream;
    private readonly bool ownsStream;

    private static readonly OpenXmlConfiguration Configuration = new()
    {
        FillMergedCells = false,
        IgnoreEmptyRows = false, // keeps MiniExcel's row count equal to the spreadsheet's row numbers
        EnableSharedStringCache = true,
    };

    private XlsxTabularReader(Stream stream, bool ownsStream, TabularLimits limits) : base(limits)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
    }

    public static XlsxTabularReader Open(Stream stream, bool ownsStream, TabularLimits limits)
    {
        ZipGuard.Check(stream, limits);
        return new XlsxTabularReader(stream, ownsStream, limits);
    }

    public override TabularFormat Format => TabularFormat.Xlsx;

    protected override IEnumerable<RawRow> ReadRawRows()
    {
        using var rows = Translate(() =>
        {
            stream.Position = 0;
            var width = stream.GetColumns(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: Configuration)?.Count ?? 0;
            stream.Position = 0;
            return stream.QueryRange(useHeaderRow: false, excelType: ExcelType.XLSX, startRowIndex: 1, startColumnIndex: 1,
                endColumnIndex: Math.Clamp(width, 1, Limits.MaxColumns + 1), configuration: Configuration).GetEnumerator();
        });
        var line = 0;
        while (Translate(rows.MoveNext))
        {
            line++;
            var row = (IDictionary<string, object?>)rows.Current;
            var cells = new string?[row.Count];
            var i = 0;
            foreach (var value in row.Values) cells[i++] = CellText(value);
            yield return new RawRow(line, cells);
        }
    }

    protected override void DisposeSource()
    {
        if (ownsStream) stream.Dispose();
    }
}
