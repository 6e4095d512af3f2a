using Observatoire.Web.Pages.Surveys;

namespace Observatoire.Tests.Surveys;

public class ShortCodeTests
{
    [Fact]
    public void Codes_avoid_characters_people_confuse()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => ShortCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", c));
        Assert.True(codes.Distinct().Count() > 495);
    }

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" AB CD EF GH ", "ABCDEFGH")]
    [InlineData(null, "")]
    public void Typed_codes_are_normalised(string? typed, string stored) => Assert.Equal(stored, ShortCode.Normalize(typed));
}
