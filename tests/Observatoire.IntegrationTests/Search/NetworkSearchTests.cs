namespace Observatoire.IntegrationTests.Search;

/// <summary>Events, groups and watch items join the one search, and show on the pages of what they are about.</summary>
public class NetworkSearchTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task An_event_is_found_by_the_search_without_accents_and_listed_on_its_tool_page()
    {
        var tool = await Portal.Seed(s =>
        {
            var pix = s.Tool("Pix");
            var atelier = s.Event("Atelier Pix pour les collégiens de la Rabière");
            atelier.Tools.Add(pix);
            return pix;
        });
        var visitor = Portal.CreateClient();

        var results = await visitor.GetHtml("/recherche?q=collegiens");
        var toolPage = await visitor.GetHtml($"/annuaire/outils/{tool.Slug}");

        var hit = Assert.Single(results.QuerySelectorAll("main li"), li => li.TextContent.Contains("Atelier Pix pour les collégiens"));
        Assert.Contains("Événement", hit.TextContent);
        Assert.Contains("Atelier Pix pour les collégiens", toolPage.QuerySelector("#evenements-lies")!.ParentElement!.TextContent);
    }
}
