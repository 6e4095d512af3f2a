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

public class SlugOfHostileTextTests
{
    public static TheoryData<string, string> Classes => new()
    {
        { "outil \ufffe fin", "outil-fin" },
        { "outil \uffff fin", "outil-fin" },
        { "outil \ufdd0 fin", "outil-fin" },
        { "outil \U0001FFFE fin", "outil-fin" },      // non-character of a supplementary plane
        { "outil \U000E0001 fin", "outil-fin" },      // language tag (format character)
        { "outil \u0378 fin", "outil-fin" },          // unassigned code point
        { "a\u0000b\u0001c\u0007d\u001Be", "a-b-c-d-e" },
        { "facture\u202Egpj.exe", "facture-gpj-exe" },
        { "Atelier 🧑‍💻 𝕏 👍🏽 \U0001F600", "atelier" },
        { "", "page" },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void A_slug_never_throws_and_keeps_only_ascii_words(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));

    [Fact]
    public void An_unpaired_surrogate_does_not_throw()
    {
        // Not theory data: xUnit would turn a lone surrogate into U+FFFD on its way to the test.
        Assert.Equal("outil-fin", Slug.From("outil \ud83e fin"));
        Assert.Equal("outil-fin", Slug.From("outil \udc00 fin"));
        Assert.Equal("outil-fin", Slug.From("outil \ufffe\udc00\ud83e fin"));
    }
}
