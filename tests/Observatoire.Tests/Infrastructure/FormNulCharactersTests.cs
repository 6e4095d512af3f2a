using System.Text;

namespace Observatoire.Tests.Infrastructure;

public class FormNulCharactersTests
{
    [Theory]
    [InlineData("Input.Title=a%00b&x=1", "Input.Title=ab&x=1")]
    [InlineData("t=%00%00%000", "t=0")]
    [InlineData("t=%2500", "t=%2500")]
    [InlineData("t=100%25", "t=100%25")]
    public void Encoded_nul_characters_are_removed_and_nothing_else(string body, string expected)
    {
        var cleaned = Encoding.ASCII.GetString(FormNulCharacters.Strip(Encoding.ASCII.GetBytes(body)));

        Assert.Equal(expected, cleaned);
    }

    [Fact]
    public void A_body_without_nul_is_returned_as_is()
    {
        var body = "Input.Title=Atelier+CV"u8.ToArray();

        Assert.Same(body, FormNulCharacters.Strip(body));
    }

    [Fact]
    public void Raw_nul_bytes_are_removed()
    {
        Assert.Equal("t=ab", Encoding.ASCII.GetString(FormNulCharacters.Strip([.. "t=a"u8, 0, .. "b"u8])));
    }

    [Fact]
    public void The_fields_that_held_a_nul_are_named_with_its_position()
    {
        var problems = FormNulCharacters.Problems("Input.Title=ab%00c&Input.Place=Tours&Input.Tags%5B0%5D=x%00"u8.ToArray());

        Assert.Equal(["Input.Title", "Input.Tags[0]"], problems.Keys);
        Assert.Contains("U+0000, position 3", problems["Input.Title"]);
        Assert.Contains("U+0000, position 2", problems["Input.Tags[0]"]);
    }
}
