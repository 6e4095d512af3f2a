using Observatoire.Web.Pages.Imports;

namespace Observatoire.Tests.Imports;

public class ObservationColumnsTests
{
    private static readonly ObservationKind Kind = new();

    /// <summary>The header of Pages/Observations/Export.cshtml.cs (CSV), and the properties of its ExportModel.Row (JSON keys).</summary>
    [Theory]
    [InlineData("Numéro|Titre|Date|Statut|Structure|Territoire|Outils|Thèmes|Publics|Participants|Niveau d'appropriation|Ce qui a bien fonctionné|Difficultés|Description|Observé par")]
    [InlineData("Id|Titre|Date|Statut|Structure|Territoire|Outils|Themes|Publics|Participants|NiveauAppropriation|CeQuiAFonctionne|Difficultes|Description|ObservePar")]
    public void The_observations_export_headers_map_to_every_column(string header) =>
        Assert.Equal(Kind.Columns.Select(c => c.Key), ImportPipeline.AutoMap(header.Split('|'), Kind, null));

    [Fact]
    public void The_export_header_written_by_the_CSV_writer_reads_back_mapped()
    {
        var header = Kind.Columns.Select(c => c.Label).ToArray();
        var file = Observatoire.Web.Infrastructure.Csv.Write(header, [Kind.Columns.Select(c => c.Example)]);

        using var reader = Observatoire.Web.Infrastructure.Formats.Spreadsheets.TabularFile.Open(new MemoryStream(file), "observations.csv",
            Observatoire.Web.Infrastructure.Formats.Spreadsheets.TabularLimits.Default);

        Assert.Equal(header, reader.Header);
        Assert.Equal(Kind.Columns.Select(c => c.Key), ImportPipeline.AutoMap(reader.Header, Kind, null));
    }

    [Fact]
    public void A_large_UTF8_export_reads_as_UTF8_whatever_falls_on_the_readers_buffer_boundaries()
    {
        // 100,000 observations make a file of megabytes: some « é » is cut in two by any fixed-size buffer.
        var header = Kind.Columns.Select(c => c.Label).ToArray();
        var rows = Enumerable.Range(0, 3000).Select(i => Kind.Columns.Select(c => $"{c.Example} é{i}"));
        var file = Observatoire.Web.Infrastructure.Csv.Write(header, rows);

        using var reader = Observatoire.Web.Infrastructure.Formats.Spreadsheets.TabularFile.Open(new MemoryStream(file), "observations.csv",
            Observatoire.Web.Infrastructure.Formats.Spreadsheets.TabularLimits.Default);

        Assert.True(file.Length > 256 * 1024);
        Assert.Equal("UTF-8", reader.Encoding);
        Assert.Equal(header, reader.Header);
    }

    [Theory]
    [InlineData("14/03/2026", "2026-03-14")]
    [InlineData("2026-03-14", "2026-03-14")]
    [InlineData("2026-03-14 10:30", "2026-03-14")]
    [InlineData("4/3/2026", "2026-03-04")]
    public void Dates_read_as_people_and_spreadsheets_write_them(string cell, string expected)
    {
        Assert.True(CellValues.TryDate(cell, out var date));
        Assert.Equal(expected, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1 200", 1200)]
    [InlineData("8.0", 8)]
    public void Whole_numbers_read_with_spaces_and_a_spreadsheets_decimals(string cell, int expected)
    {
        Assert.True(CellValues.TryInteger(cell, out var n));
        Assert.Equal(expected, n);
    }

    [Fact]
    public void A_list_cell_splits_on_commas_and_semicolons_without_blanks_or_repeats() =>
        Assert.Equal(["Pix", "France Travail", "Zoom"], CellValues.List("Pix, France Travail ; ;Zoom;zoom"));
}
