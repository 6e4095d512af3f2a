namespace Observatoire.IntegrationTests.Wiki;

public class SearchTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Search_ignores_accents_and_plurals_and_highlights_the_match()
    {
        await Portal.Page("Agora numérique", "Les habitants contributeurs de la Rabière écrivent des articles.");

        var page = await Portal.CreateClient().GetHtml("/recherche?q=habitant+rabiere");

        var hit = page.QuerySelector(".search-results li")!;
        Assert.Equal("/wiki/agora-numerique", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["habitants", "Rabière"], hit.QuerySelectorAll("mark").Select(m => m.Text()));
    }

    [Fact]
    public async Task Anonymous_visitors_see_public_pages_structures_and_tools_but_no_observation()
    {
        await Portal.Page("Atelier cartographie public", "Carte des lieux ressources.");
        await Portal.Page("Atelier cartographie interne", "Carte en préparation.", visibility: WikiVisibility.Members);
        await Portal.Seed(s =>
        {
            s.Tool("uMap cartographie");
            s.Observation("Atelier cartographie au Sanitas", description: "Carte collaborative des lieux.");
        });

        var anonymous = await Portal.CreateClient().GetHtml("/recherche?q=cartographie");
        var member = await (await Portal.SignedInAs(Roles.Partenaire)).GetHtml("/recherche?q=cartographie");

        string[] Titles(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll(".search-results li > a").Select(a => a.Text()).Order().ToArray();
        Assert.Equal(["Atelier cartographie public", "uMap cartographie"], Titles(anonymous));
        Assert.Equal(["Atelier cartographie au Sanitas", "Atelier cartographie interne", "Atelier cartographie public", "uMap cartographie"], Titles(member));
    }

    [Fact]
    public async Task Excerpts_are_encoded_so_stored_text_cannot_inject_markup()
    {
        await Portal.Page("Atelier code", "Le mot atelier puis `<img src=x onerror=alert(1)>` et <script>alert(1)</script>.");

        var page = await Portal.CreateClient().GetHtml("/recherche?q=atelier");

        var excerpt = page.QuerySelector(".search-results .excerpt")!;
        Assert.Empty(excerpt.QuerySelectorAll("img, script"));
        Assert.All(excerpt.Children, c => Assert.Equal("MARK", c.TagName));
    }
}
