using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// The first sheet of an .ods (LibreOffice Calc's own format), read from the zip's <c>content.xml</c> with
/// <see cref="XmlReader"/>. No maintained .NET reader of OpenDocument spreadsheets is served to this project
/// (nuget.tsv lists none; MiniExcel, ExcelDataReader, ClosedXML and NPOI read OOXML or .xls only), and the other
/// way — converting with Debian's <c>libreoffice --headless</c> — would mean a ~500 MB install on every server,
/// seconds per file, and running an office suite on untrusted uploads. <see cref="XmlReader"/> is the framework's
/// maintained streaming parser (DTDs prohibited, no resolver), and the mapping below is the specification's table
/// model (OpenDocument 1.3, part 3, §9.1): the first <c>table:table</c>; its <c>table:table-row</c>s, wherever
/// grouped, with <c>table:number-rows-repeated</c>; their <c>table:table-cell</c> and
/// <c>table:covered-table-cell</c> with <c>table:number-columns-repeated</c>; the value from
/// <c>office:value-type</c> (float, percentage, currency → <c>office:value</c>; date → <c>office:date-value</c>;
/// time → <c>office:time-value</c>; boolean → <c>office:boolean-value</c>) or, for strings, the text of the
/// <c>text:p</c> paragraphs joined by line breaks (<c>text:s</c> spaces, <c>text:tab</c>, <c>text:line-break</c>,
/// nested spans and links; comments left out). A formula's cached value is what the cell holds; it is never run.
/// Repeated empty rows and cells are counted, never expanded (LibreOffice ends a sheet with
/// <c>number-rows-repeated="1048000"</c>); repeated non-empty ones are yielded each time and count toward the limits.
/// </summary>
internal sealed class OdsTabularReader : TabularReader
{
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly Stream stream;
    private readonly bool ownsStream;
    private readonly ZipArchive zip;

    private OdsTabularReader(Stream stream, bool ownsStream, ZipArchive zip, TabularLimits limits) : base(limits)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.zip = zip;
    }

    public static OdsTabularReader Open(Stream stream, bool ownsStream, TabularLimits limits)
    {
        ZipGuard.Check(stream, limits);
        var zip = Translate(() => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        try
        {
            // A password-protected document keeps its parts encrypted and says so in its manifest.
            if (zip.GetEntry("META-INF/manifest.xml") is { } manifest && Mentions(manifest, "encryption-data"))
                throw new TabularFileException(TabularMessages.Protected);
            if (zip.GetEntry("content.xml") is null) throw new TabularFileException(TabularMessages.Damaged);
            return new OdsTabularReader(stream, ownsStream, zip, limits);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public override TabularFormat Format => TabularFormat.Ods;

    protected override IEnumerable<RawRow> ReadRawRows()
    {
        using var xml = Translate(() => XmlReader.Create(zip.GetEntry("content.xml")!.Open(), Settings));
        if (!Translate(() => MoveToFirstTable(xml))) throw new TabularFileException(TabularMessages.NoSheet);
        if (xml.IsEmptyElement) yield break;
        var tableDepth = xml.Depth;
        long line = 1;
        while (Translate(xml.Read))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == tableDepth) yield break;
            if (!Is(xml, TableNs, "table-row")) continue;
            var repeated = Repeated(xml, "number-rows-repeated");
            var first = line;
            var cells = Translate(() => ReadRow(xml, first));
            if (cells is not null)
                for (long i = 0; i < repeated; i++) yield return new RawRow(LineNumber(line + i), cells);
            line += repeated;
        }
        throw new TabularFileException(TabularMessages.Damaged);
    }

    private static bool MoveToFirstTable(XmlReader xml)
    {
        while (xml.Read())
            if (Is(xml, TableNs, "table")) return true;
        return false;
    }

    /// <summary>The row's cells up to its last non-empty one, or null for an empty row; the reader ends on its end tag.</summary>
    private List<string?>? ReadRow(XmlReader xml, long line)
    {
        if (xml.IsEmptyElement) return null;
        var rowDepth = xml.Depth;
        var cells = new List<string?>();
        long pendingEmpty = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == rowDepth) break;
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != rowDepth + 1) continue;
            if (!Is(xml, TableNs, "table-cell") && !Is(xml, TableNs, "covered-table-cell")) continue;
            var repeated = Repeated(xml, "number-columns-repeated");
            var value = ReadCell(xml, LineNumber(line), cells.Count + pendingEmpty + 1);
            if (value is null)
            {
                pendingEmpty += repeated;
                continue;
            }
            if (cells.Count + pendingEmpty + repeated > Limits.MaxColumns)
                throw new TabularFileException(TabularMessages.TooManyColumns(LineNumber(line), Limits.MaxColumns));
            for (; pendingEmpty > 0; pendingEmpty--) cells.Add(null);
            for (long i = 0; i < repeated; i++) cells.Add(value);
        }
        return cells.Count == 0 ? null : cells;
    }

    /// <summary>The cell's value as text (null when empty); the reader ends on the cell's end tag.</summary>
    private string? ReadCell(XmlReader xml, int line, long column)
    {
        var typed = xml.GetAttribute("value-type", OfficeNs) switch
        {
            "float" or "percentage" or "currency" => Number(xml.GetAttribute("value", OfficeNs)),
            "date" => Date(xml.GetAttribute("date-value", OfficeNs)),
            "time" => xml.GetAttribute("time-value", OfficeNs) is { } time ? CellText(XmlConvert.ToTimeSpan(time)) : null,
            "boolean" => xml.GetAttribute("boolean-value", OfficeNs) is { } b ? CellText(XmlConvert.ToBoolean(b)) : null,
            _ => null,
        };
        var text = ReadText(xml, line, column);
        return typed ?? text;
    }

    private static string? Number(string? value) =>
        value is null ? null : CellText(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));

    private static string? Date(string? value) =>
        value is null ? null : CellText(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    /// <summary>
    /// The paragraphs of a cell joined by "\n", white space collapsed as OpenDocument says (§6.1.2: a run of
    /// spaces, tabs and line ends is one space; <c>text:s</c>, <c>text:tab</c> and <c>text:line-break</c> are kept).
    /// </summary>
    private string? ReadText(XmlReader xml, int line, long column)
    {
        if (xml.IsEmptyElement) return null;
        var cellDepth = xml.Depth;
        var text = new StringBuilder();
        var paragraphs = 0;
        var paragraphDepth = -1;
        var more = xml.Read();
        while (more)
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth) break;
            if (xml.NodeType == XmlNodeType.Element && (Is(xml, OfficeNs, "annotation") || Is(xml, TextNs, "note")))
            {
                xml.Skip();
                more = !xml.EOF;
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == TextNs)
                switch (xml.LocalName)
                {
                    case "p" or "h" when paragraphDepth < 0:
                        if (paragraphs++ > 0) text.Append('\n');
                        if (!xml.IsEmptyElement) paragraphDepth = xml.Depth;
                        break;
                    case "s":
                        var count = int.TryParse(xml.GetAttribute("c", TextNs), CultureInfo.InvariantCulture, out var c) ? c : 1;
                        text.Append(' ', Math.Clamp(count, 1, Limits.MaxCellChars + 1));
                        break;
                    case "tab":
                        text.Append('\t');
                        break;
                    case "line-break":
                        text.Append('\n');
                        break;
                }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == paragraphDepth)
                paragraphDepth = -1;
            else if (paragraphDepth >= 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA
                         or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                AppendCollapsed(text, xml.Value);
            if (text.Length > Limits.MaxCellChars)
                throw new TabularFileException(TabularMessages.CellTooLong(line, (int)column, Limits.MaxCellChars));
            more = xml.Read();
        }
        return paragraphs == 0 ? null : text.ToString();
    }

    private static void AppendCollapsed(StringBuilder text, string value)
    {
        foreach (var c in value)
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (text.Length == 0 || text[^1] != ' ') text.Append(' ');
            }
            else text.Append(c);
    }

    private static bool Is(XmlReader xml, string ns, string name) =>
        xml.NodeType == XmlNodeType.Element && xml.LocalName == name && xml.NamespaceURI == ns;

    private static long Repeated(XmlReader xml, string attribute) =>
        long.TryParse(xml.GetAttribute(attribute, TableNs), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    /// <summary>A line past int.MaxValue can only come from a hostile repeat count.</summary>
    private static int LineNumber(long line) =>
        line <= int.MaxValue ? (int)line : throw new TabularFileException(TabularMessages.Damaged);

    private static bool Mentions(ZipArchiveEntry entry, string word)
    {
        using var input = entry.Open();
        var buffer = new byte[1024 * 1024];
        var length = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length).Contains(word, StringComparison.Ordinal);
    }

    protected override void DisposeSource()
    {
        zip.Dispose();
        if (ownsStream) stream.Dispose();
    }
}
