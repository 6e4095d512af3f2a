using System.Text;
using Observatoire.Web.Infrastructure;

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
}
