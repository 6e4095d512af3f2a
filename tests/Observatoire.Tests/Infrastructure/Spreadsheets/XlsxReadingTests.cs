using System.IO.Compression;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;
using static Observatoire.Tests.Infrastructure.Spreadsheets.CsvReadingTests;
using static Observatoire.Tests.Infrastructure.Spreadsheets.SpreadsheetFixtures;

namespace Observatoire.Tests.Infrastructure.Spreadsheets;

public class XlsxReadingTests
{
    private static string InlineString(string reference, string text) =>
        $"""<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>""";

    [Fact]
    public void What_WriteXlsx_writes_reads_back_identically()
    {
        string[] header = ["Nom", "Commune", "Note"];
        string?[][] rows =
        [
            ["École « Molière »", "Joué-lès-Tours", "=1+1"],
            ["Centre social", null, "deux lignes\nde texte"],
            ["+33 6 00 00 00 00", "-3", "@SOMME(A1)"],
        ];

        var bytes = TabularFile.WriteXlsx("Structures", header, rows);
        using var reader = Open(bytes, "modele.xlsx");

        Assert.Equal(TabularFormat.Xlsx, reader.Format);
        Assert.Null(reader.Encoding);
        Assert.Null(reader.Delimiter);
        Assert.Equal(header, reader.Header);
        var read = reader.Rows.ToList();
        Assert.Equal([2, 3, 4], read.Select(r => r.Line));
        Assert.Equal(rows, read.Select(r => r.Cells.ToArray()));
    }

    [Fact]
    public void WriteXlsx_writes_every_cell_as_an_inline_string_never_a_formula_with_a_bold_frozen_header()
    {
        var bytes = TabularFile.WriteXlsx("Rapport", ["Calcul"], [["=HYPERLINK(\"http://x\")"]]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = sheet.ReadToEnd();
        Assert.DoesNotContain("<f>", xml);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(xml, "t=\"inlineStr\"").Count);
        Assert.Contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">", xml);
        Assert.Contains("state=\"frozen\"", xml);
    }

    [Fact]
    public void Numbers_dates_booleans_and_formulas_read_as_the_import_expects()
    {
        var sheet =
            $"""<row r="1">{InlineString("A1", "Nombre")}{InlineString("B1", "Décimal")}{InlineString("C1", "Date")}{InlineString("D1", "Horodatage")}{InlineString("E1", "Booléen")}{InlineString("F1", "Formule")}{InlineString("G1", "Texte")}</row>""" +
            """<row r="2"><c r="A2"><v>12</v></c><c r="B2"><v>3.5</v></c><c r="C2" s="1"><v>45292</v></c><c r="D2" s="2"><v>45292.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2"><f>A2*2</f><v>24</v></c>""" +
            InlineString("G2", "=1+1") + "</row>" +
            """<row r="4"><c r="A4"><v>12.0</v></c><c r="E4" t="b"><v>0</v></c></row>""";

        using var reader = Open(Xlsx(sheet, styles: DateStyles), "donnees.xlsx");

        var rows = reader.Rows.ToList();
        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal(["12", "3.5", "2024-01-01", "2024-01-01 12:00", "oui", "24", "=1+1"], rows[0].Cells);
        Assert.Equal(["12", null, null, null, "non", null, null], rows[1].Cells);
    }

    [Fact]
    public void Shared_strings_are_read_as_excel_writes_them()
    {
        var xlsx = Replace(Xlsx("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>0</v></c></row>"""),
            new Dictionary<string, string>
            {
                ["xl/sharedStrings.xml"] = """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="3"><si><t>Nom</t></si><si><t>Commune</t></si><si><r><t>Joué-</t></r><r><t>lès-Tours</t></r></si></sst>""",
            });

        using var reader = Open(xlsx, "f.xlsx");

        Assert.Equal(["Nom", "Commune"], reader.Header);
        Assert.Equal(["Joué-lès-Tours", "Nom"], Assert.Single(reader.Rows).Cells);
    }

    [Fact]
    public void An_empty_sheet_has_no_header()
    {
        Assert.Equal("Le fichier ne contient aucune ligne remplie : la première ligne doit donner les noms des colonnes.",
            Refused(Xlsx(""), "f.xlsx").Message);
    }

    [Fact]
    public void The_header_is_the_first_non_empty_row_and_its_line_is_kept()
    {
        var sheet = $"""<row r="3">{InlineString("B3", " Nom ")}</row><row r="4"><c r="B4" t="inlineStr"><is><t>A</t></is></c></row>""";

        using var reader = Open(Xlsx(sheet), "f.xlsx");

        Assert.Equal(["", "Nom"], reader.Header);
        var row = Assert.Single(reader.Rows);
        Assert.Equal(4, row.Line);
        Assert.Equal([null, "A"], row.Cells);
    }

    [Fact]
    public void A_sheet_declaring_the_whole_grid_is_read_when_nothing_lies_past_the_limit()
    {
        var sheet = $"""<row r="1">{InlineString("A1", "Nom")}</row><row r="2">{InlineString("A2", "A")}<c r="XFD2" s="0"/><c r="XFC2"><v></v></c></row>""";

        using var reader = Open(Xlsx(sheet, dimension: "A1:XFD1048576"), "f.xlsx");

        Assert.Equal(["Nom"], reader.Header);
        Assert.Equal("A", Assert.Single(reader.Rows).Cells[0]);
    }

    [Fact]
    public void A_value_far_past_the_column_limit_is_refused_with_its_line()
    {
        var sheet = $"""<row r="1">{InlineString("A1", "Nom")}</row><row r="2">{InlineString("A2", "A")}</row><row r="3">{InlineString("A3", "B")}<c r="XFD3"><v>7</v></c></row>""";

        Assert.Equal("Ligne 3 : le tableau dépasse 200 colonnes : gardez seulement les colonnes à importer.",
            Refused(Xlsx(sheet, dimension: "A1:XFD3"), "f.xlsx").Message);
    }

    [Fact]
    public void Too_many_columns_are_refused()
    {
        var sheet = $"""<row r="1">{InlineString("A1", "a")}{InlineString("D1", "d")}</row>""";

        Assert.Equal("Ligne 1 : le tableau dépasse 3 colonnes : gardez seulement les colonnes à importer.",
            Refused(Xlsx(sheet), "f.xlsx", TabularLimits.Default with { MaxColumns = 3 }).Message);
    }

    [Fact]
    public void A_sheet_with_a_dtd_is_refused_as_unreadable()
    {
        var sheet = $"""<row r="1">{InlineString("A1", "&xxe;")}</row>""";
        var doctype = """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""";

        Assert.StartsWith("Le classeur est illisible", Refused(Xlsx(sheet, doctype: doctype), "f.xlsx").Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_declared_size()
    {
        var bomb = WithZeros(TabularFile.WriteXlsx("F", ["Nom"], [["A"]]), "xl/media/zeros.bin", 400L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024);

        Assert.Equal("Le classeur dépasse 300\u00a0Mo une fois décompressé : découpez-le en plusieurs fichiers, ou enregistrez-le en CSV.",
            Refused(bomb, "f.xlsx").Message);
    }

    [Fact]
    public void An_entry_compressed_more_than_200_times_is_refused()
    {
        var suspicious = WithZeros(TabularFile.WriteXlsx("F", ["Nom"], [["A"]]), "xl/media/zeros.bin", 20L * 1024 * 1024);

        Assert.Equal("Le classeur contient des données anormalement compressées : enregistrez-le de nouveau depuis votre tableur, ou en CSV, puis recommencez.",
            Refused(suspicious, "f.xlsx").Message);
    }

    /// <summary>
    /// System.IO.Compression stops inflating an entry at its declared size: a lie cannot make the reader inflate more
    /// than the declared total ZipGuard checked. ZipGuard's count of inflated bytes stays as the second guard.
    /// </summary>
    [Fact]
    public void An_entry_lying_about_its_size_is_inflated_no_further_than_it_declares()
    {
        var limits = TabularLimits.Default with { MaxUncompressedBytes = 4 * 1024 * 1024 };
        var bytes = WithZeros(TabularFile.WriteXlsx("F", ["Nom"], [["A"]]), "xl/media/zeros.bin", 8L * 1024 * 1024);
        var lying = DeclareSize(bytes, "xl/media/zeros.bin", 1000);
        using (var zip = new ZipArchive(new MemoryStream(lying)))
            Assert.Equal(1000, zip.GetEntry("xl/media/zeros.bin")!.Length);

        using (var zip = new ZipArchive(new MemoryStream(lying)))
        using (var entry = zip.GetEntry("xl/media/zeros.bin")!.Open())
            Assert.Equal(1000, entry.CopyToCount());
        using var reader = Open(lying, "f.xlsx", limits);
        Assert.Equal("A", Assert.Single(reader.Rows).Cells[0]);
    }

    [Fact]
    public void Other_zip_files_and_mismatched_extensions_are_refused()
    {
        var xlsx = TabularFile.WriteXlsx("F", ["Nom"], [["A"]]);

        Assert.Equal("Le fichier porte l'extension .csv mais contient un classeur Excel (.xlsx) : renommez-le en .xlsx, ou enregistrez-le de nouveau au format .csv.",
            Refused(xlsx, "f.csv").Message);
        Assert.StartsWith("Ce fichier n'est ni un tableau CSV", Refused(Zip(("word/document.xml", Utf8("<w/>"), false)), "f.xlsx").Message);
        Assert.StartsWith("Le classeur est illisible", Refused(xlsx[..(xlsx.Length / 2)], "f.xlsx").Message);
        var macros = Replace(xlsx, new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types><Override ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>",
        });
        Assert.StartsWith("Les classeurs à macros (.xlsm) ne sont pas acceptés", Refused(macros, "f.xlsx").Message);
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and in the central directory.</summary>
    private static byte[] DeclareSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
            if (signature == 0x02014b50 && bytes.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
        }
        return bytes;
    }
}

internal static class StreamCounting
{
    public static long CopyToCount(this Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0) total += read;
        return total;
    }
}
