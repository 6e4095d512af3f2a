namespace Observatoire.IntegrationTests.Wiki;

public class VisibilityTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Anonymous_visitors_never_see_a_members_only_page()
    {
        await Portal.Page("Compte rendu interne", "Secret du groupe.", visibility: WikiVisibility.Members);
        await Portal.Page("Page publique", "Ouverte à tous.");
        var anonymous = Portal.CreateClient();

        foreach (var url in new[] { "/wiki/compte-rendu-interne", "/wiki/compte-rendu-interne/historique", "/wiki/compte-rendu-interne/diff?de=1&a=1" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/connexion", response.Headers.Location!.AbsolutePath);
        }
        Assert.DoesNotContain("Compte rendu interne", (await anonymous.GetHtml("/wiki")).Body!.TextContent);
        Assert.DoesNotContain("Compte rendu interne", (await anonymous.GetHtml("/wiki/modifications-recentes")).Body!.TextContent);
        using var feed = await anonymous.GetAsync("/wiki/modifications-recentes.atom");
        var xml = await feed.Content.ReadAsStringAsync();
        Assert.Contains("Page publique", xml);
        Assert.DoesNotContain("Compte rendu interne", xml);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_wiki_index_links_to_the_wiki_home_page_only_once_it_exists()
    {
        var member = await Portal.SignedInAs(Roles.Contributeur);
        Assert.Null((await member.GetHtml("/wiki")).QuerySelector("main a[href='/wiki/accueil-du-wiki']"));

        await Portal.Page("Accueil du wiki", "Bienvenue.");

        Assert.NotNull((await member.GetHtml("/wiki")).QuerySelector("main a[href='/wiki/accueil-du-wiki']"));
    }

    [Fact]
    public async Task A_partner_reads_a_members_only_page_but_cannot_edit_it()
    {
        await Portal.Page("Compte rendu interne", "Secret du groupe.", visibility: WikiVisibility.Members);
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var page = await partner.GetHtml("/wiki/compte-rendu-interne");

        Assert.Equal("Secret du groupe.", page.QuerySelector(".wiki-content")!.Text());
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/wiki/compte-rendu-interne/modifier");
        using var edit = await partner.GetAsync("/wiki/compte-rendu-interne/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task A_missing_page_answers_404_and_offers_its_creation_to_contributors()
    {
        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        var page = await contributor.GetHtml("/wiki/pas-encore-ecrite", HttpStatusCode.NotFound);
        Assert.Equal("/wiki/pas-encore-ecrite/modifier", page.QuerySelector("main a.button")!.GetAttribute("href"));
        var anonymous = await Portal.CreateClient().GetHtml("/wiki/pas-encore-ecrite", HttpStatusCode.NotFound);
        Assert.Null(anonymous.QuerySelector("main a.button"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Partenaire, false)]
    [InlineData(Roles.Contributeur, true)]
    public async Task A_record_without_reports_offers_to_write_one_only_to_whom_may(string? role, bool offered)
    {
        var tool = await Portal.Seed(s => s.Tool("uMap"));
        var client = role is null ? Portal.CreateClient() : await Portal.SignedInAs(role);

        var page = await client.GetHtml($"/annuaire/outils/{tool.Slug}");

        Assert.Contains("Aucun retour d'expérience ne concerne encore cette fiche.", page.QuerySelector("#retours-experience")!.ParentElement!.TextContent);
        Assert.Equal(offered, page.QuerySelector("main a[href='/wiki/nouvelle']") is not null);
    }
}
