using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// Writes the one-sheet .xlsx files users download (import templates, import reports). Written here with
/// <see cref="XmlWriter"/> rather than by MiniExcel, whose writer types strings as formula results (<c>t="str"</c>)
/// and embeds an image when a value is the path of one (<c>EnableWriteFilePath</c>): every cell here is an inline
/// string (<c>t="inlineStr"</c>), which no spreadsheet runs as a formula, the header row is bold and frozen.
/// </summary>
internal static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Write(string sheetName, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            // Style 0: normal; style 1: bold, for the header.
            Part(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>
                """);
            using (var writer = XmlPart(zip, "xl/workbook.xml"))
            {
                writer.WriteStartElement("workbook", Main);
                writer.WriteAttributeString("xmlns", "r", null, Relationships);
                writer.WriteStartElement("sheets", Main);
                writer.WriteStartElement("sheet", Main);
                writer.WriteAttributeString("name", SheetName(sheetName));
                writer.WriteAttributeString("sheetId", "1");
                writer.WriteAttributeString("id", Relationships, "rId1");
            }
            using (var writer = XmlPart(zip, "xl/worksheets/sheet1.xml"))
            {
                writer.WriteStartElement("worksheet", Main);
                writer.WriteStartElement("sheetViews", Main);
                writer.WriteStartElement("sheetView", Main);
                writer.WriteAttributeString("workbookViewId", "0");
                writer.WriteStartElement("pane", Main);
                writer.WriteAttributeString("ySplit", "1");
                writer.WriteAttributeString("topLeftCell", "A2");
                writer.WriteAttributeString("activePane", "bottomLeft");
                writer.WriteAttributeString("state", "frozen");
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteStartElement("sheetData", Main);
                Row(writer, 1, header, style: "1");
                var number = 1;
                foreach (var row in rows) Row(writer, ++number, row, style: null);
            }
        }
        return output.ToArray();
    }

    private static void Row(XmlWriter writer, int number, IEnumerable<string?> cells, string? style)
    {
        writer.WriteStartElement("row", Main);
        writer.WriteAttributeString("r", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (string.IsNullOrEmpty(cell)) continue;
            writer.WriteStartElement("c", Main);
            writer.WriteAttributeString("r", ColumnName(column) + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteAttributeString("t", "inlineStr");
            if (style is not null) writer.WriteAttributeString("s", style);
            writer.WriteStartElement("is", Main);
            writer.WriteStartElement("t", Main);
            writer.WriteAttributeString("xml", "space", null, "preserve");
            writer.WriteString(XmlText(cell));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>A, B, … Z, AA, AB…</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel's rules for a sheet name: 31 characters at most, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => ":\\/?*[]".IndexOf(c) < 0 && XmlConvert.IsXmlChar(c)).ToArray()).Trim('\'', ' ');
        return clean.Length == 0 ? "Feuille1" : clean[..Math.Min(clean.Length, 31)];
    }

    /// <summary>XML 1.0 cannot hold control characters but tab and line breaks: they are dropped.</summary>
    private static string XmlText(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static XmlWriter XmlPart(ZipArchive zip, string name) =>
        XmlWriter.Create(zip.CreateEntry(name, CompressionLevel.Fastest).Open(),
            new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
}
