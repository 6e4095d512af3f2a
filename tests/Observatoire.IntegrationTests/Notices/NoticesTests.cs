namespace Observatoire.IntegrationTests.Notices;

/// <summary>The public notices, linked from every page's footer, before anyone has written them.</summary>
public class NoticesTests(PortalFixture portal) : PortalTest(portal)
{
    [Theory]
    [InlineData("/mentions-legales", "Mentions légales", new[] { "Éditeur du site", "Directeur ou directrice de la publication", "Hébergement" })]
    [InlineData("/confidentialite", "Confidentialité et données personnelles",
        new[] { "article 13", "Responsable du traitement", "finalités", "Bases légales", "Destinataires", "Durées de conservation", "Vos droits", "CNIL" })]
    [InlineData("/accessibilite", "Déclaration d'accessibilité", new[] { "partiellement conforme", "RGAA", "Défenseur des droits" })]
    public async Task A_new_instance_publishes_the_templates_with_what_is_left_to_complete(string url, string title, string[] parts)
    {
        using var visitor = Portal.CreateClient();

        var page = await visitor.GetHtml(url);

        var text = page.QuerySelector("main")!.Text();
        Assert.Equal(title, page.QuerySelector("main h1")!.Text());
        Assert.All(parts, part => Assert.Contains(part, text));
        Assert.Contains("[à compléter", text);
        Assert.NotNull(page.QuerySelector($"footer a[href='{url}']"));
    }

    [Fact]
    public async Task A_new_instance_home_page_tells_no_other_observatorys_story_and_asks_for_its_own()
    {
        using var visitor = Portal.CreateClient();

        var why = (await visitor.GetHtml("/")).QuerySelector("#pourquoi + .notice-text")!.Text();

        Assert.Contains("[à compléter", why);
        Assert.All(["DLA", "Résoudre", "Rabière", "Sanitas", "Morier"], word => Assert.DoesNotContain(word, why));
    }
}
