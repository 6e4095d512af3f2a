using Observatoire.Web.Analysis;

namespace Observatoire.Tests.Analysis;

public class SuppressionTests
{
    private readonly Suppression _rule = new(5);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "< 5")]
    [InlineData(4, "< 5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1 234")]
    public void Counts_under_the_threshold_read_less_than_it(int count, string shown) =>
        Assert.Equal(shown, _rule.Format(count).Replace('\u202F', ' ').Replace('\u00A0', ' '));

    [Fact]
    public void A_hidden_count_has_no_value_and_no_percentage()
    {
        Assert.Null(_rule.Value(3));
        Assert.Null(_rule.Percent(3, 40));
        Assert.Null(_rule.Percent(3, 3));
        Assert.Equal(12.5, _rule.Percent(5, 40));
        Assert.Equal("—", _rule.FormatPercent(2, 40));
    }

    [Fact]
    public void A_threshold_below_one_still_hides_nothing_but_zero_is_never_hidden() =>
        Assert.False(new Suppression(0).Hides(1));
}
