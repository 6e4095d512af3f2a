namespace Observatoire.Tests.Infrastructure;

public class UserTextTests
{
    [Theory]
    [InlineData("Atelier « numérique » : l'été !")]
    [InlineData("Ligne 1\r\nLigne 2\tcolonne")]
    [InlineData("Atelier 🧑‍💻 𝕏 👍🏽 \U0001F600")]
    [InlineData("مركز اجتماعي \u200F(Tours)")]
    [InlineData("=HYPERLINK(\"http://evil.example\") <script>alert(1)</script>")]
    [InlineData("")]
    public void Text_people_type_is_kept(string value) => Assert.Null(UserText.Problem(value));

    [Theory]
    [InlineData("outil \ufffe fin", "U+FFFE")]
    [InlineData("outil \uffff fin", "U+FFFF")]
    [InlineData("outil \ufdd0 fin", "U+FDD0")]
    [InlineData("outil \U0010FFFF fin", "U+10FFFF")]
    [InlineData("a\u0001b", "U+0001")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("facture\u202Egpj.exe", "U+202E")]
    [InlineData("a\u2066b\u2069", "U+2066")]
    public void A_character_that_is_not_text_is_named_in_a_french_message(string value, string named)
    {
        var message = UserText.Problem(value);
        Assert.NotNull(message);
        Assert.Contains(named, message);
        Assert.Contains("position", message);
        Assert.Contains("supprimez-le", message);
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        // Not theory data: xUnit would turn a lone surrogate into U+FFFD on its way to the test.
        foreach (var value in new[] { "outil \ud83e fin", "outil \udc00", "\udc00\ud83e" })
            Assert.Contains("incomplet", UserText.Problem(value));
    }

    [Fact]
    public void Clean_keeps_what_problem_accepts_and_drops_the_rest()
    {
        Assert.Equal("ab cd", UserText.Clean("a\u0001b\u202E c\ufffed"));
        Assert.Equal("a b", UserText.Clean("a\nb", keepLineBreaks: false));
        Assert.Equal("Atelier 👍🏽", UserText.Clean("Atelier 👍🏽"));
    }
}
