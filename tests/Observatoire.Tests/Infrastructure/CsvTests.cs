using System.Text;
using CsvHelper;

namespace Observatoire.Tests.Infrastructure;

public class CsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6 00", "'+33 6 00")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-3", "-3")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("dit \"oui\"", "\"dit \"\"oui\"\"\"")]
    [InlineData("ligne\nsuivante", "\"ligne\nsuivante\"")]
    public void Cells_are_quoted_and_cannot_run_as_formulas(string value, string written) =>
        Assert.Equal(written, Csv.Cell(value));

    [Fact]
    public void Files_start_with_a_bom_and_use_semicolons()
    {
        var bytes = Csv.Write([["a", "é"], ["1", null]]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("a;é\r\n1;\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Streamed_rows_are_written_as_the_file_is()
    {
        var output = new MemoryStream();

        await Csv.WriteAsync(output, Rows(), default);

        Assert.Equal(Csv.Write(["id", "nom"], [["-3", "=1+1"], ["4", "a;b"]]), output.ToArray());
        static async IAsyncEnumerable<string?[]> Rows()
        {
            yield return ["id", "nom"];
            await Task.Yield();
            yield return ["-3", "=1+1"];
            yield return ["4", "a;b"];
        }
    }

    /// <summary>Why Csv puts the apostrophe itself: CsvHelper's own protection quotes the cell and marks our numbers as text.</summary>
    [Fact]
    public void CsvHelper_escape_would_quote_formulas_and_prefix_negative_numbers()
    {
        var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape }, leaveOpen: true))
            csv.WriteRecord(["=1+1", "-3"]);

        Assert.Equal("\"'=1+1\";\"'-3\"\r\n", Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal("'=1+1;-3\r\n", Encoding.UTF8.GetString(Csv.Write([["=1+1", "-3"]])[3..]));
    }
}
