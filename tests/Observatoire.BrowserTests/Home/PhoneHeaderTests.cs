namespace Observatoire.BrowserTests.Home;

/// <summary>#17.14: on a 360 × 780 phone the header took 276 px and cut the menu mid-word (« Tableau d »).</summary>
[Collection(nameof(BrowserCollection))]
public class PhoneHeaderTests(BrowserFixture browser)
{
    private const int Width = 360, Height = 780;

    /// <summary>
    /// Two rows of 44 px touch targets and their padding: about 15 % of the screen, where the old header took 35 %.
    /// </summary>
    private const int MaxHeaderHeight = 120;

    [Fact]
    public async Task On_a_phone_the_header_is_compact_and_its_menu_shows_every_entry_in_full()
    {
        var structure = await browser.Seed(s => s.Structure($"Centre {Guid.NewGuid():N}"[..20]));
        // Coordination sees the most entries (Observations, Synthèses) and the account's links.
        var email = await browser.CreateAccount("coordination", "Nadia", Roles.Coordination, structure.Id);
        var page = await browser.SignedInPage(email, Width, Height);
        var violations = new List<string>();

        await page.GotoAsync("/");
        var header = await page.Locator("header.site-header").BoundingBoxAsync();
        Assert.True(header!.Height <= MaxHeaderHeight, $"L'en-tête mesure {header.Height} px à {Width} px de large.");
        // The unread count stays one tap away, outside the menu.
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true }).IsVisibleAsync());
        await BrowserFixture.Screenshot(page, "en-tete-360.png", fullPage: false);

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        Assert.True(await navigation.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).IsVisibleAsync());
        // Each entry shows its whole label inside the screen: none scrolls, none is cut by the edge.
        var clipped = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('header a, header button')]
                .filter(e => e.getClientRects().length > 0)
                .filter(e => {
                    const r = e.getBoundingClientRect();
                    return e.scrollWidth > e.clientWidth || r.left < 0 || r.right > document.documentElement.clientWidth;
                })
                .map(e => e.textContent.trim())
            """);
        Assert.True(clipped.Length == 0, "Entrées coupées : " + string.Join(", ", clipped));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "menu ouvert"));
        await BrowserFixture.Screenshot(page, "menu-360.png", fullPage: false);

        // On a wide screen the menu is there without a tap.
        await page.SetViewportSizeAsync(1280, 800);
        Assert.False(await page.GetByText("Menu", new() { Exact = true }).IsVisibleAsync());
        Assert.True(await navigation.GetByRole(AriaRole.Link, new() { Name = "Observations" }).IsVisibleAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "en-tête large"));
        await BrowserFixture.Screenshot(page, "en-tete-1280.png", fullPage: false);
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
