using System.Text.RegularExpressions;
using Observatoire.Web.Analysis;

namespace Observatoire.IntegrationTests.Syntheses;

/// <summary>
/// One rule for what leaves the members' space (<see cref="PublicationRule"/>): the public dashboard and the PDF syntheses
/// show a small count of observations as « &lt; 5 », where members on screen see it exactly; the rule is stated on
/// /methodologie, under the dashboard and in the PDF.
/// </summary>
public class PublicationRuleTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Query = "du=2026-01-01&au=2026-06-30&territoire=rabiere";

    /// <summary>Three validated workshops at Rabière, each with 2 participants and the tool « Pix ».</summary>
    private Task SeedAsync() => Portal.Seed(s =>
    {
        var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
        var structure = s.Structure("Association Résoudre", rabiere);
        var tool = s.Tool("Pix");
        var theme = s.Theme("Emploi");
        for (var i = 0; i < 3; i++)
            s.Observation($"Atelier {i}", structure, rabiere, observedOn: new DateOnly(2026, 2, 1 + i), participants: 2, tools: [tool], themes: [theme]);
    });

    private static string Plain(string text) => Regex.Replace(text, @"[\s\u00A0\u202F\u00AD]+", " ");

    [Fact]
    public async Task The_synthesis_shows_small_counts_as_the_public_dashboard_does_and_members_see_them_exactly_on_screen()
    {
        await SeedAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        // Members on screen: exact.
        var member = await partner.GetHtml($"/tableau-de-bord?{Query}");
        Assert.Equal("3", member.QuerySelector("#chiffre-observations .figure-value")!.TextContent.Trim());
        // The public: « < 5 ».
        var anonymous = await Portal.CreateClient().GetHtml($"/tableau-de-bord?{Query}");
        Assert.Equal("< 5", anonymous.QuerySelector("#chiffre-observations .figure-value")!.TextContent.Trim());

        // The synthesis leaves the members' space: « < 5 » for 3 observations and 1 structure, in every chapter; 6 participants are shown.
        var preview = await partner.GetHtml($"/syntheses/apercu?{Query}");
        foreach (var (id, shown) in new[] { ("observations", "< 5"), ("structures", "< 5"), ("participants", "6") })
            Assert.Equal(shown, Plain(preview.QuerySelector($"#chiffre-{id} .figure-value")!.TextContent).Trim());
        var tables = preview.QuerySelectorAll("table").Select(t => string.Join(" ",
            t.QuerySelectorAll("th, td").Select(cell => Plain(cell.TextContent).Trim()))).ToList();
        Assert.Contains(tables, t => t.Contains("Pix < 5"));                       // the most observed tools
        Assert.Contains(tables, t => t.Contains("Emploi < 5 0 —"));                // the change per theme
        Assert.Contains(tables, t => t.Contains("Association Résoudre") && t.Contains("< 5")); // the contributing structures
        Assert.DoesNotContain(tables, t => Regex.IsMatch(t, @"\bPix 3\b|Emploi 3\b|Rabière[^<]*\b3\b"));
        Assert.Contains(PublicationRule.Counts(5), Plain(preview.Body!.TextContent));

        var (_, pdf) = await SynthesisTests.GenerateAsync(partner, Query);
        var text = Plain(SynthesisTests.Read(pdf).Text);
        Assert.Contains("Pix < 5", text);
        Assert.Contains("Hors de l'espace des membres", text);
    }

    [Fact]
    public async Task The_methodology_page_states_the_rule_for_everyone()
    {
        var page = await Portal.CreateClient().GetHtml("/methodologie");

        Assert.Equal("Méthodologie", page.QuerySelector("h1")!.TextContent);
        var text = Plain(page.QuerySelector("main")!.TextContent);
        Assert.Contains(PublicationRule.Counts(5), text);
        Assert.Contains(PublicationRule.FreeTexts, text);
        Assert.Contains(Indicators.Observations.Description, text);
        Assert.NotNull(page.QuerySelector("footer a[href='/methodologie']"));
        Assert.Contains(PublicationRule.Counts(5), Plain((await Portal.CreateClient().GetHtml("/tableau-de-bord")).QuerySelector("main")!.TextContent));
    }
}
