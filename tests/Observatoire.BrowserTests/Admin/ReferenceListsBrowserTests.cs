namespace Observatoire.BrowserTests.Admin;

/// <summary>The administrator of an instance started empty gives it its lists: the starter set, a theme of its own, one retired.</summary>
[Collection(nameof(BrowserCollection))]
public class ReferenceListsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_loads_the_starter_lists_adds_a_theme_and_retires_one()
    {
        await using var portal = await browser.StartEmptyPortalAsync("obs_listes");
        var email = await BrowserFixture.CreateAccount(portal.Services, "admin", "Camille", Roles.Administrateur);
        var page = await browser.NewPage(portal.BaseUrl, 390, 844);
        var violations = new List<string>();

        await BrowserFixture.SignIn(page, email);

        await page.GotoAsync("/admin");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "Listes de référence" }));
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "listes vides"));
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Charger les listes de départ" }), url => url.EndsWith("/admin/listes"));
        Assert.Contains("Listes de départ chargées", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Charger les listes de départ" }).CountAsync());

        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "Thèmes", Exact = true }));
        await page.GetByLabel("Nom").FillAsync("Santé");
        await page.GetByLabel("Description").FillAsync("Prendre rendez-vous, suivre ses remboursements, téléconsulter.");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }), url => url.Contains("#valeur-sante"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Monter « Santé »" }).ClickAsync();
        await page.GetByText("« Santé » est maintenant en position 3").WaitForAsync();
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Retirer « Éducation »" }), url => url.Contains("#valeur-education"));
        var rows = await page.Locator("table.reference-list tbody tr td:first-child strong").AllInnerTextsAsync();
        Assert.Equal(["Emploi", "Éducation", "Santé", "Citoyenneté"], rows);
        Assert.Contains("retiré", await page.Locator("tr#valeur-education").InnerTextAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "liste des thèmes"));
        await BrowserFixture.Screenshot(page, "listes-themes-phone.png");
        // The README's picture (docs/screenshots/listes-de-reference.png) is this one.
        await page.SetViewportSizeAsync(1280, 1000);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.Screenshot(page, "listes-themes-desktop.png", fullPage: false);

        // A new observation offers the theme added, not the one retired.
        await page.GotoAsync("/observations/nouvelle");
        var themes = await page.Locator("fieldset:has(legend:text-is('Thèmes')) label").AllInnerTextsAsync();
        Assert.Equal(["Emploi", "Santé", "Citoyenneté"], themes.Select(t => t.Trim()));
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
