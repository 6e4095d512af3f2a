namespace Observatoire.BrowserTests.Dashboard;

/// <summary>
/// The quartiers map (#19.6) on a phone: reached from the dashboard, checked with axe, its zones reached with the
/// keyboard by their names, one of them followed to the quartier's page (a visitor) or to its observations (a member);
/// no sideways scroll of the page.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class MapBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_tabs_to_a_quartier_of_the_map_and_opens_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var quartier = await browser.Seed(s =>
        {
            var place = s.Quartier($"Rives {suffix}", s.Territory($"Joué {suffix}"));
            var structure = s.Structure($"Centre social {suffix}", place);
            for (var i = 0; i < 6; i++) s.Observation($"Atelier {suffix} {i}", structure, place);
            return place;
        });
        var name = $"Rives {suffix} (Joué {suffix}) : 6 observations";

        var page = await browser.NewPage(360, 780);
        await page.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "Carte des quartiers" }), "**/tableau-de-bord/carte?**");
        Assert.True(await page.GetByText("Carte schématique : chaque quartier est une case de même taille, placée approximativement.").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).IsVisibleAsync());
        var violations = (await BrowserFixture.SeriousViolations(page, "carte des quartiers, visiteur")).ToList();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        // From the form's last control, Tab walks the zones of the map in order until this quartier's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Réinitialiser" }).FocusAsync();
        string? focused = null;
        for (var i = 0; i < 400 && focused != name; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')");
        }
        Assert.Equal(name, focused);
        await BrowserFixture.Screenshot(page, "carte-telephone.png", fullPage: false);
        await BrowserFixture.Submit(page.Locator("svg.map a:focus"), $"**/annuaire/territoires/{quartier.Slug}");
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// A member reads the small counts a visitor is not shown (3 observations, « < 5 » publicly), and a zone opens the list
    /// of that quartier's observations with the map's period: the drill-down lists the three.
    /// </summary>
    [Fact]
    public async Task A_member_reads_a_small_count_exactly_and_a_zone_opens_its_observations()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await browser.Seed(s =>
        {
            var place = s.Quartier($"Fontaines {suffix}", s.Territory($"Tours {suffix}"));
            var structure = s.Structure($"Maison {suffix}", place);
            for (var i = 0; i < 3; i++) s.Observation($"Permanence {suffix} {i}", structure, place);
            return place;
        });
        var label = $"Fontaines {suffix} (Tours {suffix})";

        var visitor = await browser.NewPage(360, 780);
        await visitor.GotoAsync("/tableau-de-bord/carte");
        Assert.True(await visitor.GetByRole(AriaRole.Link, new() { Name = $"{label} : < 5 observations", Exact = true }).IsVisibleAsync());
        await visitor.Context.CloseAsync();

        var member = await browser.SignedInPage(await browser.CreateAccount("carte", "Malik", Roles.Partenaire), 360, 780);
        await member.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(member.GetByRole(AriaRole.Link, new() { Name = "Carte des quartiers" }), "**/tableau-de-bord/carte?**");
        var zone = member.GetByRole(AriaRole.Link, new() { Name = $"{label} : 3 observations", Exact = true });
        Assert.True(await zone.IsVisibleAsync());
        var violations = (await BrowserFixture.SeriousViolations(member, "carte des quartiers, membre")).ToList();
        Assert.Equal(0, await member.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        await BrowserFixture.Submit(zone, "**/observations?**");
        var rows = await member.Locator("main table tbody tr, main .observation-list li").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count(r => r.Contains($"Permanence {suffix}")));
        await member.Context.CloseAsync();

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
