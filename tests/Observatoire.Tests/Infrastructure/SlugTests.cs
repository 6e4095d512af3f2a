namespace Observatoire.Tests.Infrastructure;

public class SlugTests
{
    [Theory]
    [InlineData("Joué-lès-Tours", "joue-les-tours")]
    [InlineData("Centre social du Sanitas", "centre-social-du-sanitas")]
    [InlineData("  Œuvre « éducative » !  ", "oeuvre-educative")]
    [InlineData("Bureau Information Jeunesse (BIJ)", "bureau-information-jeunesse-bij")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("€€€", "page")]
    public void A_slug_is_lower_case_ascii_words_joined_by_dashes(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));

    [Fact]
    public async Task A_taken_slug_gets_the_next_free_number()
    {
        var taken = new HashSet<string> { "sanitas", "sanitas-2" };
        Assert.Equal("sanitas-3", await Slug.UniqueAsync("Sanitas", s => Task.FromResult(taken.Contains(s))));
    }

    [Fact]
    public void A_long_title_is_cut_without_a_trailing_dash() =>
        Assert.False(Slug.From(new string('a', 99) + " b c d", 100).EndsWith('-'));
}
