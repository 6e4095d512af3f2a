namespace Observatoire.IntegrationTests.Wiki;

/// <summary>Public wiki pages are output-cached for visitors without an account; any wiki write evicts them.</summary>
public class CacheTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_public_page_is_served_from_the_cache_to_visitors_without_an_account()
    {
        await Portal.Page("Accueil", "Bienvenue.");
        var anonymous = Portal.CreateClient();

        using var first = await anonymous.GetAsync("/wiki/accueil");
        using var second = await anonymous.GetAsync("/wiki/accueil");

        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"));
        Assert.Contains("Bienvenue.", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_saved_change_reaches_visitors_at_once_despite_the_cache()
    {
        await Portal.Page("Accueil", "Première version.");
        var anonymous = Portal.CreateClient();
        Assert.Contains("Première version.", await anonymous.GetStringAsync("/wiki/accueil"));
        Assert.Contains("Première version.", await anonymous.GetStringAsync("/wiki/accueil"));

        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        using var _ = await contributor.Save(await contributor.OpenEditor("accueil"), "Accueil", "Deuxième version.");

        var page = await anonymous.GetStringAsync("/wiki/accueil");
        Assert.Contains("Deuxième version.", page);
        Assert.DoesNotContain("Première version.", page);
    }

    [Fact]
    public async Task Creating_a_linked_page_updates_the_cached_link_on_the_other_page()
    {
        await Portal.Page("Accueil", "Voir [[Méthode]].");
        var anonymous = Portal.CreateClient();
        Assert.Contains("wikilink-new", await anonymous.GetStringAsync("/wiki/accueil"));

        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        using var _ = await contributor.Save(await contributor.OpenEditor("methode"), "Méthode", "Notre méthode.");

        Assert.DoesNotContain("wikilink-new", await anonymous.GetStringAsync("/wiki/accueil"));
    }

    [Fact]
    public async Task Signed_in_people_are_never_served_a_cached_page()
    {
        await Portal.Page("Accueil", "Bienvenue.");
        using var warm = await Portal.CreateClient().GetAsync("/wiki/accueil");
        var contributor = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await contributor.GetAsync("/wiki/accueil");

        Assert.False(response.Headers.Contains("Age"));
        Assert.Contains("/wiki/accueil/modifier", await response.Content.ReadAsStringAsync());
    }
}
