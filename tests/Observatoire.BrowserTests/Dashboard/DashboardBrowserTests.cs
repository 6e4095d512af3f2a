namespace Observatoire.BrowserTests.Dashboard;

[Collection(nameof(BrowserCollection))]
public class DashboardBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1280, 900, "desktop")]
    public async Task Filtering_the_dashboard_through_its_form_keeps_it_accessible(int width, int height, string name)
    {
        await browser.Seed(s =>
        {
            var tours = s.Territory($"Tours {name}");
            var sanitas = s.Quartier($"Sanitas {name}", tours);
            var centre = s.Structure($"Centre social {name}", sanitas);
            var emploi = s.Theme($"Emploi {name}");
            var tool = s.Tool($"Jitsi {name}", "Communication et messagerie");
            for (var i = 0; i < 7; i++)
                s.Observation($"Atelier {i}", centre, observedOn: new(2026, 2, 1 + i), themes: [emploi], tools: [tool], participants: 5);
            return centre;
        });
        var page = await browser.NewPage(width, height);

        await page.GotoAsync("/tableau-de-bord?du=2026-01-01&au=2026-03-31");
        await page.SelectOptionAsync("#theme", new SelectOptionValue { Label = $"Emploi {name}" });
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }), url => url.Contains("theme=emploi-"));
        await page.Locator("#graphique-themes summary").ClickAsync();
        var results = await page.RunAxe();
        await BrowserFixture.Screenshot(page, $"tableau-de-bord-{name}.png");
        var observations = await page.Locator("#chiffre-observations .figure-value").InnerTextAsync();
        var tableVisible = await page.Locator("#graphique-themes table").IsVisibleAsync();
        await page.Context.CloseAsync();

        Assert.Equal("7", observations);
        Assert.True(tableVisible);
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")))));
    }
}
