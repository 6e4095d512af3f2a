using System.IO.Compression;
using System.Text;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.Tests.Infrastructure.Spreadsheets;

/// <summary>Spreadsheets made by the tests themselves: no binary fixture in the repository.</summary>
internal static class SpreadsheetFixtures
{
    public const string DateStyles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """;

    /// <summary>An .xlsx whose sheet holds <paramref name="sheetData"/> (the rows), on the package WriteXlsx makes.</summary>
    public static byte[] Xlsx(string sheetData, string dimension = "", string? styles = null, string doctype = "")
    {
        var sheet = $"""
            <?xml version="1.0" encoding="UTF-8"?>{doctype}
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{(dimension == "" ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{sheetData}</sheetData></worksheet>
            """;
        var replaced = new Dictionary<string, string> { ["xl/worksheets/sheet1.xml"] = sheet };
        if (styles is not null) replaced["xl/styles.xml"] = styles;
        return Replace(TabularFile.WriteXlsx("Feuille", ["x"], []), replaced);
    }

    /// <summary>The same zip with some entries' text replaced, and those it lacked added.</summary>
    public static byte[] Replace(byte[] zipBytes, IReadOnlyDictionary<string, string> entries)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var to = target.CreateEntry(entry.FullName).Open();
                if (entries.TryGetValue(entry.FullName, out var text)) to.Write(Encoding.UTF8.GetBytes(text));
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        using (var target = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
            foreach (var (name, text) in entries)
                if (target.GetEntry(name) is null)
                {
                    using var to = target.CreateEntry(name).Open();
                    to.Write(Encoding.UTF8.GetBytes(text));
                }
        return output.ToArray();
    }

    /// <summary>A zip of the given entries, in order; <c>Stored</c> entries are not compressed.</summary>
    public static byte[] Zip(params (string Name, byte[] Content, bool Stored)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content, stored) in entries)
            {
                using var stream = zip.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        return output.ToArray();
    }

    /// <summary>
    /// <paramref name="zipBytes"/> with one entry of <paramref name="zeros"/> zero bytes added, deflated while it is
    /// written (the test never holds the inflated bytes).
    /// </summary>
    public static byte[] WithZeros(byte[] zipBytes, string name, long zeros)
    {
        var output = new MemoryStream();
        output.Write(zipBytes);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        using (var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
        {
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += chunk.Length)
                stream.Write(chunk, 0, (int)Math.Min(chunk.Length, zeros - written));
        }
        return output.ToArray();
    }

    /// <summary>
    /// An .ods as LibreOffice lays it out: the « mimetype » entry first and stored, then content.xml holding
    /// <paramref name="tables"/> inside office:spreadsheet, and the manifest.
    /// </summary>
    public static byte[] Ods(string tables, string manifest = "", string doctype = "")
    {
        var content = $"""
            <?xml version="1.0" encoding="UTF-8"?>{doctype}
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>
            """;
        var manifestXml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest}</manifest:file-entry></manifest:manifest>
            """;
        return Zip(("mimetype", Utf8("application/vnd.oasis.opendocument.spreadsheet"), true),
            ("content.xml", Utf8(content), false),
            ("META-INF/manifest.xml", Utf8(manifestXml), false));
    }

    public static string OdsText(string text, string repeat = "") =>
        $"""<table:table-cell{repeat} office:value-type="string"><text:p>{text}</text:p></table:table-cell>""";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
