using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Observations;

/// <summary>#17.11: an observation's page shows its number and the experience reports that cite it (the other side of the link).</summary>
public class ShowTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task An_observation_shows_its_number_and_the_experience_reports_linked_to_it()
    {
        var (cited, other) = await Portal.Seed(s => (s.Observation("Atelier CV en ligne"), s.Observation("Café numérique")));
        var report = await Portal.Page("Retour : l'atelier CV", "Ce que nous en retenons.", type: WikiPageType.ExperienceReport);
        await Portal.Page("Retour : sans lien", "Rien à voir.", type: WikiPageType.ExperienceReport);
        await Portal.Db(async db =>
        {
            var page = await db.WikiPages.Include(p => p.Observations).SingleAsync(p => p.Id == report);
            page.Observations.Add(await db.Observations.SingleAsync(o => o.Id == cited.Id));
            await db.SaveChangesAsync();
        });
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var page = await member.GetHtml($"/observations/{cited.Id}");
        var none = await member.GetHtml($"/observations/{other.Id}");

        Assert.Contains($"Observation n° {cited.Id}", page.QuerySelector("main")!.Text());
        Assert.Equal(["Retour : l'atelier CV"], page.QuerySelectorAll("#retours + ul a").Select(a => a.Text()));
        Assert.StartsWith("/wiki/retour-l", page.QuerySelector("#retours + ul a")!.GetAttribute("href"));
        Assert.Empty(none.QuerySelectorAll("#retours + ul a"));
        Assert.Contains("Aucun retour d'expérience", none.QuerySelector("#retours + p")!.Text());
    }
}
