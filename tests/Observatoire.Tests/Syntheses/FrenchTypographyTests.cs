using Observatoire.Web.Pages.Syntheses;

namespace Observatoire.Tests.Syntheses;

public class FrenchTypographyTests
{
    private const char N = '\u202F';

    [Fact]
    public void A_narrow_no_break_space_goes_before_high_punctuation_and_inside_guillemets()
    {
        Assert.Equal($"Bilan{N}: une réussite{N}! Vraiment{N}? Oui{N}; «{N}Agora{N}»", FrenchTypography.Text("Bilan : une réussite! Vraiment ? Oui; « Agora»"));
    }

    [Fact]
    public void Urls_times_and_repeated_marks_are_left_alone()
    {
        Assert.Equal("Voir https://exemple.fr/a?b=1 à 10:30", FrenchTypography.Text("Voir https://exemple.fr/a?b=1 à 10:30"));
        Assert.Equal($"Quoi{N}?!", FrenchTypography.Text("Quoi?!"));
        Assert.Equal("écrire à contact@exemple.fr", FrenchTypography.Text("écrire à contact@exemple.fr"));
    }

    [Theory]
    [InlineData("=SI(A1>0;1;0)")]
    [InlineData(@"C:\Temp\bilan.xlsx")]
    [InlineData("f(x);g(y)!=0")]
    [InlineData("a:b;c?d")]
    [InlineData("ftp:adresse")]
    public void Punctuation_inside_a_word_quoted_verbatim_is_printed_as_typed(string quoted)
    {
        Assert.Equal($"Saisir {quoted} tel quel", FrenchTypography.Text($"Saisir {quoted} tel quel"));
        Assert.Equal($"<p>Saisir {quoted.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")}</p>",
            FrenchTypography.InHtml($"<p>Saisir {quoted.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")}</p>"));
    }

    [Fact]
    public void A_bidi_override_stored_before_the_input_rule_never_reorders_a_printed_line()
    {
        Assert.Equal("facturegnp.exe", FrenchTypography.Text("facture\u202Egnp.exe"));
        Assert.Equal("<p>ab</p>", FrenchTypography.InHtml("<p>a\u2066b\u2069</p>"));
    }

    [Fact]
    public void In_html_only_text_changes_never_tags_attributes_entities_or_code()
    {
        var html = """<p title="a : b"><a href="https://x.fr/?q=1">Lien</a> : A &amp; B&nbsp;! <code>x ? y : z</code></p>""";

        var spaced = FrenchTypography.InHtml(html);

        Assert.Equal($"""<p title="a : b"><a href="https://x.fr/?q=1">Lien</a>{N}: A &amp; B{N}! <code>x ? y : z</code></p>""", spaced);
    }

    [Fact]
    public void Encoded_text_is_safe_html()
    {
        Assert.Equal($"&lt;script&gt;{N}! &quot;x&quot; &amp; y", FrenchTypography.Html("<script>! \"x\" & y"));
    }
}
