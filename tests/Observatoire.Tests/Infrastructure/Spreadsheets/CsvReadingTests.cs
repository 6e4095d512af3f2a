using System.Text;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.Tests.Infrastructure.Spreadsheets;

public class CsvReadingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    internal static ITabularReader Open(byte[] bytes, string name = "fichier.csv", TabularLimits? limits = null) =>
        TabularFile.Open(new MemoryStream(bytes), name, limits ?? TabularLimits.Default);

    internal static TabularFileException Refused(byte[] bytes, string name = "fichier.csv", TabularLimits? limits = null) =>
        Assert.Throws<TabularFileException>(() =>
        {
            using var reader = Open(bytes, name, limits);
            foreach (var _ in reader.Rows) { }
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_with_or_without_a_byte_order_mark_reads_the_same(bool bom)
    {
        var text = Encoding.UTF8.GetBytes("Nom;Commune\nÉcole Molière;Joué-lès-Tours\n");
        var bytes = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;

        using var reader = Open(bytes);

        Assert.Equal(TabularFormat.Csv, reader.Format);
        Assert.Equal("UTF-8", reader.Encoding);
        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(["Nom", "Commune"], reader.Header);
        var row = Assert.Single(reader.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal(["École Molière", "Joué-lès-Tours"], row.Cells);
    }

    [Fact]
    public void Windows_1252_is_recognised_when_the_bytes_are_not_utf8()
    {
        var bytes = Windows1252.GetBytes("Nom,Quartier\r\nCentre social « Pléiade »,Sanitas\r\n");

        using var reader = Open(bytes);

        Assert.Equal("Windows-1252", reader.Encoding);
        Assert.Equal(',', reader.Delimiter);
        Assert.Equal(["Centre social « Pléiade »", "Sanitas"], Assert.Single(reader.Rows).Cells);
    }

    [Fact]
    public void Excel_unicode_text_is_read_as_utf16()
    {
        using var reader = Open([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Nom\tCommune\r\nÉcole;\tJoué-lès-Tours\r\n")], "export.txt");

        Assert.Equal("UTF-16", reader.Encoding);
        Assert.Equal('\t', reader.Delimiter);
        Assert.Equal(["Nom", "Commune"], reader.Header);
        Assert.Equal(["École;", "Joué-lès-Tours"], Assert.Single(reader.Rows).Cells);
    }

    [Fact]
    public void A_tab_delimited_file_is_detected()
    {
        using var reader = Open(Encoding.UTF8.GetBytes("Nom\tVille, quartier\nA\tTours, Sanitas\nB\tTours, Rives du Cher\n"));

        Assert.Equal('\t', reader.Delimiter);
        Assert.Equal(["Nom", "Ville, quartier"], reader.Header);
        Assert.Equal(["Tours, Sanitas", "Tours, Rives du Cher"], reader.Rows.Select(r => r.Cells[1]));
    }

    [Theory]
    [InlineData("Nom;Adresse, ville\nA;1 rue X, Tours\n", ';')]
    [InlineData("Nom,Adresse\nA,\"1 rue X; Tours\"\n", ',')]
    [InlineData("sep=,\nNom,Adresse\nA,Tours\n", ',')]
    public void The_separator_is_the_most_frequent_on_the_header_line_and_semicolon_wins_a_tie(string csv, char separator)
    {
        using var reader = Open(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(separator, reader.Delimiter);
        Assert.Equal(["Nom", "Adresse"], reader.Header.Select(h => h.Split(',')[0]));
        Assert.Equal("A", Assert.Single(reader.Rows).Cells[0]);
    }

    [Fact]
    public void Lines_are_those_a_text_editor_shows_even_after_a_quoted_field_on_several_lines()
    {
        var csv = "Nom;Note\n" +
                  "A;\"première ligne\nseconde ligne\"\n" +
                  "\n" +
                  "B;simple\n";

        using var reader = Open(Encoding.UTF8.GetBytes(csv));

        var rows = reader.Rows.ToList();
        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal("première ligne\nseconde ligne", rows[0].Cells[1]);
    }

    [Fact]
    public void Cells_are_trimmed_empty_ones_are_null_and_empty_rows_are_skipped_but_counted()
    {
        var csv = "\n  Nom ; Public ;Note\n ; ; \n  A  ;;\n;;\n B;\"  \";x\n";

        using var reader = Open(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(["Nom", "Public", "Note"], reader.Header);
        var rows = reader.Rows.ToList();
        Assert.Equal([4, 6], rows.Select(r => r.Line));
        Assert.Equal(["A", null, null], rows[0].Cells);
        Assert.Equal(["B", null, "x"], rows[1].Cells);
    }

    [Fact]
    public void Short_rows_are_padded_and_empty_cells_beyond_the_header_are_ignored()
    {
        using var reader = Open(Encoding.UTF8.GetBytes("Nom;Commune;Note\nA\nB;Tours;;;\n"));

        Assert.Equal([["A", null, null], ["B", "Tours", null]], reader.Rows.Select(r => r.Cells));
    }

    [Fact]
    public void A_value_beyond_the_header_is_refused_with_its_line()
    {
        var error = Refused(Encoding.UTF8.GetBytes("Nom;Commune\nA;Tours\nB;Tours;oublié\n"));

        Assert.Equal("Ligne 3 : une valeur se trouve en colonne 3, au-delà des 2 colonnes nommées sur la ligne d'en-tête : " +
                     "donnez un nom à cette colonne, ou effacez la valeur.", error.Message);
    }

    [Fact]
    public void A_formula_is_text_and_never_evaluated()
    {
        using var reader = Open(Encoding.UTF8.GetBytes("Calcul;Autre\n=1+1;\"=HYPERLINK(\"\"x\"\")\"\n"));

        Assert.Equal(["=1+1", "=HYPERLINK(\"x\")"], Assert.Single(reader.Rows).Cells);
    }

    [Fact]
    public void A_file_with_only_a_header_has_no_rows()
    {
        using var reader = Open(Encoding.UTF8.GetBytes("Nom;Commune\r\n"));

        Assert.Equal(["Nom", "Commune"], reader.Header);
        Assert.Empty(reader.Rows);
    }

    [Fact]
    public void Rows_are_read_once()
    {
        using var reader = Open(Encoding.UTF8.GetBytes("Nom\nA\n"));
        _ = reader.Rows.ToList();

        Assert.Throws<InvalidOperationException>(() => reader.Rows);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("Le fichier est vide : choisissez le fichier qui contient le tableau à importer.", Refused([]).Message);
        Assert.Equal("Le fichier ne contient aucune ligne remplie : la première ligne doit donner les noms des colonnes.",
            Refused(Encoding.UTF8.GetBytes("\n ; \n\n")).Message);
    }

    [Fact]
    public void A_binary_file_named_csv_is_refused()
    {
        var bytes = new byte[4096];
        new Random(15).NextBytes(bytes);

        Assert.StartsWith("Ce fichier n'est ni un tableau CSV, ni un classeur .xlsx ou .ods lisible", Refused(bytes).Message);
    }

    [Theory]
    [InlineData("liste.pdf", "Ce type de fichier n'est pas accepté : importez un fichier .csv, .txt, .xlsx, .ods ou .json.")]
    [InlineData("liste", "Ce type de fichier n'est pas accepté : importez un fichier .csv, .txt, .xlsx, .ods ou .json.")]
    [InlineData("liste.XLS", "Le format Excel 97-2003 (.xls) n'est pas accepté : dans votre tableur, enregistrez le fichier au format .xlsx ou .ods, puis recommencez.")]
    [InlineData("liste.xlsm", "Les classeurs à macros (.xlsm) ne sont pas acceptés : enregistrez le fichier au format .xlsx ou .ods, puis recommencez.")]
    [InlineData("liste.xlsx", "Le fichier porte l'extension .xlsx mais contient du texte (CSV) : renommez-le en .csv, ou enregistrez-le de nouveau au format .xlsx.")]
    public void The_extension_must_be_accepted_and_agree_with_the_content(string name, string message) =>
        Assert.Equal(message, Refused(Encoding.UTF8.GetBytes("Nom\nA\n"), name).Message);

    [Fact]
    public void A_txt_file_is_read_as_csv()
    {
        using var reader = Open(Encoding.UTF8.GetBytes("Nom\nA\n"), "export.TXT");

        Assert.Equal("A", Assert.Single(reader.Rows).Cells[0]);
    }

    [Fact]
    public void An_old_excel_file_is_refused_whatever_its_name()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[2048]];

        Assert.StartsWith("Le format Excel 97-2003 (.xls) n'est pas accepté", Refused(xls, "liste.xlsx").Message);
        Assert.StartsWith("Le format Excel 97-2003 (.xls) n'est pas accepté", Refused(xls, "liste.csv").Message);
    }

    [Fact]
    public void A_password_protected_xlsx_is_refused_with_what_to_do()
    {
        // Excel saves an encrypted workbook as a compound file holding an "EncryptedPackage" stream.
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1000],
            .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[1000]];

        Assert.Equal("Le classeur est protégé par un mot de passe : ouvrez-le dans votre tableur, enlevez le mot de passe, " +
                     "enregistrez-le, puis recommencez.", Refused(encrypted, "liste.xlsx").Message);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var limits = TabularLimits.Default with { MaxFileBytes = 1024 * 1024 };
        var bytes = Encoding.UTF8.GetBytes("Nom\n" + string.Concat(Enumerable.Repeat("une ligne assez longue\n", 50_000)));

        var message = "Le fichier dépasse 1\u00a0Mo : découpez-le en plusieurs fichiers, ou enlevez les colonnes et les feuilles inutiles.";
        Assert.Equal(message, Refused(bytes, limits: limits).Message);
        Assert.Equal(message, Assert.Throws<TabularFileException>(() =>
            TabularFile.Open(new ForwardOnlyStream(bytes), "fichier.csv", limits)).Message);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_too()
    {
        using var reader = TabularFile.Open(new ForwardOnlyStream(Encoding.UTF8.GetBytes("Nom\nA\nB\n")), "f.csv", TabularLimits.Default);

        Assert.Equal(["A", "B"], reader.Rows.Select(r => r.Cells[0]));
    }

    [Fact]
    public void Too_many_rows_are_refused()
    {
        var limits = TabularLimits.Default with { MaxRows = 3 };
        using var reader = Open(Encoding.UTF8.GetBytes("Nom\nA\nB\n\nC\n"), limits: limits);
        Assert.Equal(3, reader.Rows.Count());

        Assert.Equal("Le fichier dépasse 3 lignes : découpez-le en plusieurs fichiers.",
            Refused(Encoding.UTF8.GetBytes("Nom\nA\nB\nC\nD\n"), limits: limits).Message);
        Assert.Equal("Le fichier dépasse 200\u202f000 lignes : découpez-le en plusieurs fichiers.",
            new TabularFileException(TabularMessages.TooManyRows(200_000)).Message);
    }

    [Fact]
    public void Too_many_columns_are_refused()
    {
        var limits = TabularLimits.Default with { MaxColumns = 3 };

        Assert.Equal("Ligne 1 : le tableau dépasse 3 colonnes : gardez seulement les colonnes à importer.",
            Refused(Encoding.UTF8.GetBytes("a;b;c;d\n1;2;3;4\n"), limits: limits).Message);
    }

    [Fact]
    public void A_too_long_cell_is_refused_with_its_line_and_column()
    {
        var limits = TabularLimits.Default with { MaxCellChars = 10 };

        Assert.Equal("Ligne 3, colonne 2 : la cellule dépasse 10 caractères : raccourcissez-la.",
            Refused(Encoding.UTF8.GetBytes("a;b\n1;0123456789\n2;0123456789X\n"), limits: limits).Message);
    }

    /// <summary>An upload that can only be read forward, like a request body.</summary>
    internal sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Length => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
