using Observatoire.Web.Infrastructure.Formats.Spreadsheets;
using static Observatoire.Tests.Infrastructure.Spreadsheets.CsvReadingTests;
using static Observatoire.Tests.Infrastructure.Spreadsheets.SpreadsheetFixtures;

namespace Observatoire.Tests.Infrastructure.Spreadsheets;

public class OdsReadingTests
{
    private const string Header =
        """<table:table-row table:style-name="ro1">""" + """<table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell>""" +
        """<table:table-cell office:value-type="string"><text:p>Nombre</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Date</text:p></table:table-cell>""" +
        """<table:table-cell office:value-type="string"><text:p>Actif</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Texte</text:p></table:table-cell></table:table-row>""";

    [Fact]
    public void The_first_sheet_is_read_by_the_opendocument_table_model()
    {
        var table = """<table:table table:name="Feuille1"><table:table-column table:number-columns-repeated="1024"/>""" + Header +
            """<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="5"/></table:table-row>""" +
            """<table:table-row><table:table-cell office:value-type="string"><text:p>Centre<text:s text:c="3"/>social</text:p><text:p>deuxième  <text:span>ligne</text:span> <text:a xlink:href="https://x">lien</text:a></text:p></table:table-cell>""" +
            """<table:table-cell office:value-type="float" office:value="12" table:formula="of:=6*2"><text:p>12,00</text:p></table:table-cell>""" +
            """<table:table-cell office:value-type="date" office:date-value="2024-03-05"><text:p>05/03/2024</text:p></table:table-cell>""" +
            """<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>""" +
            """<table:table-cell office:value-type="string"><text:p>=1+1</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>""" +
            """<table:table-row table:number-rows-repeated="2">""" + OdsText("répété") +
            """<table:table-cell office:value-type="float" office:value="3.5"><text:p>3,5</text:p></table:table-cell>""" +
            """<table:table-cell office:value-type="date" office:date-value="2024-03-05T14:30:00"/></table:table-row>""" +
            """<table:table-row><table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %</text:p></table:table-cell>""" +
            """<table:table-cell office:value-type="currency" office:currency="EUR" office:value="1500"><text:p>1 500,00 €</text:p></table:table-cell><table:covered-table-cell/>""" +
            """<table:table-cell office:value-type="boolean" office:boolean-value="false"/>""" +
            """<table:table-cell office:value-type="string"><office:annotation><text:p>un commentaire</text:p></office:annotation><text:p>a<text:tab/>b<text:line-break/>c</text:p></table:table-cell></table:table-row>""" +
            """<table:table-row>""" + OdsText("x", " table:number-columns-repeated=\"2\"") + """</table:table-row>""" +
            """<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>""" +
            """<table:table table:name="Feuille2"><table:table-row>""" + OdsText("ignorée") + "</table:table-row></table:table>";

        using var reader = Open(Ods(table), "tableau.ods");

        Assert.Equal(TabularFormat.Ods, reader.Format);
        Assert.Equal(["Nom", "Nombre", "Date", "Actif", "Texte"], reader.Header);
        var rows = reader.Rows.ToList();
        Assert.Equal([4, 5, 6, 7, 8], rows.Select(r => r.Line));
        Assert.Equal(["Centre   social\ndeuxième ligne lien", "12", "2024-03-05", "oui", "=1+1"], rows[0].Cells);
        Assert.Equal(["répété", "3.5", "2024-03-05 14:30", null, null], rows[1].Cells);
        Assert.Equal(rows[1].Cells, rows[2].Cells);
        Assert.Equal(["0.25", "1500", null, "non", "a\tb\nc"], rows[3].Cells);
        Assert.Equal(["x", "x", null, null, null], rows[4].Cells);
    }

    [Fact]
    public void Repeated_non_empty_rows_count_toward_the_row_limit()
    {
        var table = "<table:table>" + Header + """<table:table-row table:number-rows-repeated="1000000">""" + OdsText("x") + "</table:table-row></table:table>";

        Assert.Equal("Le fichier dépasse 10 lignes : découpez-le en plusieurs fichiers.",
            Refused(Ods(table), "f.ods", TabularLimits.Default with { MaxRows = 10 }).Message);
    }

    [Fact]
    public void Repeated_non_empty_cells_count_toward_the_column_limit()
    {
        var table = "<table:table><table:table-row>" + OdsText("x", " table:number-columns-repeated=\"300\"") + "</table:table-row></table:table>";

        Assert.Equal("Ligne 1 : le tableau dépasse 200 colonnes : gardez seulement les colonnes à importer.",
            Refused(Ods(table), "f.ods").Message);
    }

    [Fact]
    public void A_cell_made_long_by_repeated_spaces_is_refused_before_it_is_built()
    {
        var table = "<table:table>" + Header + """<table:table-row>""" + OdsText("a<text:s text:c=\"2000000000\"/>b") + "</table:table-row></table:table>";

        Assert.Equal("Ligne 2, colonne 1 : la cellule dépasse 100 caractères : raccourcissez-la.",
            Refused(Ods(table), "f.ods", TabularLimits.Default with { MaxCellChars = 100 }).Message);
    }

    [Fact]
    public void Protected_damaged_and_sheetless_documents_are_refused()
    {
        var table = "<table:table>" + Header + "</table:table>";

        Assert.StartsWith("Le classeur est protégé par un mot de passe",
            Refused(Ods(table, manifest: """<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>"""), "f.ods").Message);
        Assert.StartsWith("Le classeur est illisible",
            Refused(Ods(table, doctype: """<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"""), "f.ods").Message);
        Assert.StartsWith("Le classeur est illisible", Refused(Ods("<table:table>" + Header), "f.ods").Message);
        Assert.Equal("Le classeur ne contient aucune feuille : vérifiez que vous avez choisi le bon fichier.", Refused(Ods(""), "f.ods").Message);
        Assert.Equal("Le fichier porte l'extension .xlsx mais contient un classeur LibreOffice (.ods) : renommez-le en .ods, ou enregistrez-le de nouveau au format .xlsx.",
            Refused(Ods(table), "f.xlsx").Message);
    }

    [Fact]
    public void A_sheet_with_only_a_header_has_no_rows()
    {
        using var reader = Open(Ods("<table:table>" + Header + "</table:table>"), "f.ods");

        Assert.Equal(5, reader.Header.Count);
        Assert.Empty(reader.Rows);
    }

    [Fact]
    public void A_zip_bomb_is_refused()
    {
        var bomb = WithZeros(Ods("<table:table>" + Header + "</table:table>"), "Pictures/zeros.bin", 400L * 1024 * 1024);

        Assert.StartsWith("Le classeur dépasse 300\u00a0Mo une fois décompressé", Refused(bomb, "f.ods").Message);
    }
}
