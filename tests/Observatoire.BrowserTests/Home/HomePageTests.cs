namespace Observatoire.BrowserTests.Home;

[Collection(nameof(BrowserCollection))]
public class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_on_a_phone_has_no_serious_accessibility_violation()
    {
        await browser.Seed(s =>
        {
            var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
            var centre = s.Structure("Centre social Pluriel", sanitas);
            var emploi = s.Theme("Emploi");
            s.Observation("Atelier CV en ligne avec France Travail", centre, tools: [s.Tool("Mon espace France Travail", "Recherche d'emploi", "Propriétaire")], themes: [emploi], participants: 9);
            s.Observation("Visioconférence avec Jitsi pour un groupe de bénévoles", centre, tools: [s.Tool("Jitsi Meet", "Communication et messagerie")], participants: 6);
            return centre;
        });
        var page = await browser.NewPage(390, 844);

        var response = await page.GotoAsync("/");
        var results = await page.RunAxe();
        await BrowserFixture.Screenshot(page, "home-phone.png");
        await BrowserFixture.Screenshot(page, "home-phone-first-screen.png", fullPage: false);
        await page.Context.CloseAsync();

        Assert.Equal(200, response!.Status);
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help} ({v.HelpUrl})\n" +
            string.Join("\n", v.Nodes.Select(n => $"    {string.Join(" ", n.Target.ToString())} → {n.Html}")))));
    }
}
