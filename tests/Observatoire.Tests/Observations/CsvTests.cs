using System.Text;

namespace Observatoire.Tests.Observations;

public class CsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6 00", "'+33 6 00")]
    [InlineData("-moins", "'-moins")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    [InlineData("Éducation", "Éducation")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_are_prefixed_with_an_apostrophe(string value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Theory]
    [InlineData("un; deux", "\"un; deux\"")]
    [InlineData("dit \"bonjour\"", "\"dit \"\"bonjour\"\"\"")]
    [InlineData("ligne 1\nligne 2", "\"ligne 1\nligne 2\"")]
    [InlineData("=A1;B1", "\"'=A1;B1\"")]
    [InlineData("\rretour", "\"'\rretour\"")]
    public void Separators_quotes_and_line_breaks_are_quoted(string value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void The_document_starts_with_a_byte_order_mark_and_ends_lines_with_crlf()
    {
        var bytes = Csv.Write(["Titre", "Participants"], [["Atelier", "8"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Titre;Participants\r\nAtelier;8\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
