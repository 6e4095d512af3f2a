using Observatoire.Web.Pages.Syntheses;

namespace Observatoire.Tests.Syntheses;

public class FrenchHyphenationTests
{
    private const char S = FrenchHyphenation.SoftHyphen;

    private static string Shown(string hyphenated) => hyphenated.Replace(S, '-');

    [Theory]
    [InlineData("dématérialisation", "dé-ma-té-ria-li-sa-tion")]
    [InlineData("observatoire", "ob-ser-va-toire")]
    [InlineData("accompagnement", "ac-com-pa-gne-ment")]
    [InlineData("méthodologie", "mé-tho-do-lo-gie")]
    [InlineData("reproductibilité", "re-pro-duc-ti-bi-lité")]
    [InlineData("appropriation", "ap-pro-pria-tion")]
    [InlineData("collaboratives", "col-la-bo-ra-tives")]
    public void Words_break_where_the_french_patterns_say(string word, string expected)
    {
        Assert.Equal(expected, Shown(FrenchHyphenation.Word(word)));
    }

    [Fact]
    public void Two_letters_at_least_stay_before_a_break_and_three_after()
    {
        // The patterns allow "nu-mé-ri-que" but a line never ends on "ri-" before a two-letter "que".
        Assert.Equal("nu-mé-rique", Shown(FrenchHyphenation.Word("numérique")));
        Assert.Equal("em-preinte", Shown(FrenchHyphenation.Word("empreinte")));
        Assert.Equal("aussi", FrenchHyphenation.Word("aussi"));
        Assert.All(FrenchHyphenation.Points("informatisation"), p => Assert.InRange(p, 2, "informatisation".Length - 3));
    }

    [Fact]
    public void Numbers_urls_addresses_proper_nouns_and_acronyms_stay_whole()
    {
        const string text = "Voir https://exemple.fr/observatoire, écrire à coordination@observatoire.fr, 1234567 participants à Joué-lès-Tours selon la CNIL.";

        var hyphenated = FrenchHyphenation.Text(text);

        Assert.Equal(
            $"Voir https://exemple.fr/observatoire, écrire à coordination@observatoire.fr, 1234567 par{S}ti{S}ci{S}pants à Joué-lès-Tours se{S}lon la CNIL.",
            hyphenated);
    }

    [Fact]
    public void Elided_and_compound_words_are_hyphenated_part_by_part()
    {
        Assert.Equal("l'ob-ser-va-toire, l’in-for-ma-ti-sa-tion, porte-mon-naie", Shown(FrenchHyphenation.Text("l'observatoire, l’informatisation, porte-monnaie")));
    }

    [Fact]
    public void In_html_only_prose_changes_never_tags_attributes_entities_headings_or_code()
    {
        const string html = """<h2 id="partie-methodologie">Méthodologie</h2><p title="accompagnement">Accompagnement &amp; accompagnement<br>numérique</p><code>dématérialisation</code><th>Structures contributrices</th><svg><text>observatoire</text></svg>""";

        var hyphenated = FrenchHyphenation.InHtml(html);

        Assert.Equal(
            """<h2 id="partie-methodologie">Méthodologie</h2><p title="accompagnement">Accompagnement &amp; ac-com-pa-gne-ment<br>nu-mé-rique</p><code>dématérialisation</code><th>Structures contributrices</th><svg><text>observatoire</text></svg>""",
            Shown(hyphenated));
    }

    [Fact]
    public void Text_without_soft_hyphens_reads_as_before()
    {
        const string text = "La dématérialisation des démarches administratives éloigne les publics fragiles de l'accompagnement.";

        Assert.Equal(text, FrenchHyphenation.Text(text).Replace(S.ToString(), ""));
    }
}
