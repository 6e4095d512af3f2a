using System.IO.Compression;
using System.Text;
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
/// row as many cells as the sheet's declared dimension (up to XFD, 16,384, in a hostile or careless file); a sheet
/// declared wider is first scanned for a value past the limit (<see cref="RefuseValuesBeyondTheLimit"/>).
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
            if (width > Limits.MaxColumns + 1) RefuseValuesBeyondTheLimit();
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

    /// <summary>
    /// For a sheet declared wider than the limit, which MiniExcel is not asked to read in full: one pass over the
    /// first sheet's XML refuses a value in any column past the limit, with its line.
    /// </summary>
    private void RefuseValuesBeyondTheLimit()
    {
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (FirstSheet(zip) is not { } sheet) return;
        using var xml = XmlReader.Create(sheet.Open(), XmlSettings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c" || xml.IsEmptyElement) continue;
            var reference = xml.GetAttribute("r") ?? "";
            var letters = reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => Math.Min(n * 26 + char.ToUpperInvariant(c) - 'A' + 1, 1 << 20));
            if (letters <= Limits.MaxColumns) continue;
            using var cell = xml.ReadSubtree();
            var text = new StringBuilder();
            while (cell.Read() && text.Length == 0)
                if (cell.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) text.Append(cell.Value.Trim());
            if (text.Length > 0)
                throw new TabularFileException(TabularMessages.TooManyColumns(
                    int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), out var line) ? line : 1,
                    Limits.MaxColumns));
        }
    }

    /// <summary>The first sheet of the workbook, as MiniExcel takes it: workbook.xml's first sheet, through its relationship.</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        string? id = null;
        using (var workbook = XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open(), XmlSettings))
            while (id is null && workbook.Read())
                if (workbook is { NodeType: XmlNodeType.Element, LocalName: "sheet" })
                    while (workbook.MoveToNextAttribute())
                        if (workbook.LocalName == "id" && workbook.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
                            id = workbook.Value;
        if (id is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } relsEntry) return null;
        using var rels = XmlReader.Create(relsEntry.Open(), XmlSettings);
        while (rels.Read())
            if (rels is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && rels.GetAttribute("Id") == id
                && rels.GetAttribute("Target") is { } target)
                return zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
        return null;
    }

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    protected override void DisposeSource()
    {
        if (ownsStream) stream.Dispose();
    }
}
