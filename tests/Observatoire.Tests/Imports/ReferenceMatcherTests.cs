using Observatoire.Web.Pages.Imports;

namespace Observatoire.Tests.Imports;

public class ReferenceMatcherTests
{
    private sealed record Value(string Name, string Slug);

    private static readonly Value Sanitas = new("Sanitas", "sanitas");
    private static readonly Value Rabiere = new("Rabière", "rabiere");
    private static readonly Value Centre = new("Centre social", "centre-social");

    private static ReferenceMatcher<Value> Matcher() =>
        new([Sanitas, Rabiere, Centre], v => v.Name, v => v.Slug, [("ancien-sanitas", Sanitas)]);

    [Theory]
    [InlineData("Sanitas")]
    [InlineData("SANITAS")]
    [InlineData("sanitas")]
    [InlineData("ancien-sanitas")]
    public void A_value_is_found_by_name_slug_or_old_slug_whatever_the_case(string text) => Assert.Same(Sanitas, Matcher().Find(text));

    [Fact]
    public void Accents_are_ignored() => Assert.Same(Rabiere, Matcher().Find("rabiere"));

    [Fact]
    public void An_unknown_name_gets_the_closest_value_as_a_suggestion() =>
        Assert.Equal("territoire « Sanitass » inconnu — vouliez-vous dire « Sanitas » ?", Matcher().Unknown("territoire", "Sanitass"));

    [Fact]
    public void A_name_far_from_every_value_gets_no_suggestion() =>
        Assert.Equal("territoire « Fondettes » inconnu", Matcher().Unknown("territoire", "Fondettes"));

    [Fact]
    public void A_value_added_during_the_import_is_found_by_later_lines()
    {
        var matcher = Matcher();
        var tiersLieu = new Value("Tiers-lieu", "tiers-lieu");

        matcher.Add(tiersLieu, tiersLieu.Slug);

        Assert.Same(tiersLieu, matcher.Find("tiers lieu"));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("sanitas", "sanitass", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_is_levenshtein(string a, string b, int distance) => Assert.Equal(distance, TextKey.Distance(a, b, 5));
}
