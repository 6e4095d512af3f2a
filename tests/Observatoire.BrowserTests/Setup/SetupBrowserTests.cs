using System.Text.RegularExpressions;
using Observatoire.IntegrationTests.Infrastructure;

namespace Observatoire.BrowserTests.Setup;

[Collection(nameof(BrowserCollection))]
public partial class SetupBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_a_new_instance_the_logged_link_installs_the_observatory_on_a_phone()
    {
        var logs = new LogCapture();
        await using var portal = await browser.StartEmptyPortalAsync("obs_setup", logs);
        var baseUrl = portal.BaseUrl;
        var link = logs.Entries.Select(e => SetupLink().Match(e.Message)).Single(m => m.Success).Groups["url"].Value;
        var page = await browser.NewPage(390, 844);
        var violations = new List<string>();

        await page.GotoAsync(baseUrl + "/");
        Assert.Contains("journalctl -u observatoire", await page.Locator(".setup-pending").InnerTextAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "accueil avant installation"));

        await page.GotoAsync(link);
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "installation"));
        await page.GetByLabel("Nom de l'observatoire", new() { Exact = true }).FillAsync("Observatoire des Deux Rives");
        await page.GetByLabel("Nom court", new() { Exact = true }).FillAsync("Deux Rives");
        await page.GetByLabel("Territoire", new() { Exact = true }).FillAsync("Saint-Pierre-des-Corps");
        await page.GetByLabel("Votre nom et prénom").FillAsync("Léa Martin");
        await page.GetByLabel("Votre adresse e-mail").FillAsync("lea.martin@deux-rives.fr");
        await page.GetByLabel("Nouveau mot de passe").FillAsync("Installation-2026");
        await page.GetByLabel("Confirmer le mot de passe").FillAsync("Installation-2026");
        await BrowserFixture.Screenshot(page, "setup-phone.png");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Installer l'observatoire" }), url => url.EndsWith("/admin", StringComparison.Ordinal));
        Assert.Contains("est installé", await page.Locator("main .notice").InnerTextAsync());
        Assert.Equal("/admin/listes", await page.GetByRole(AriaRole.Link, new() { Name = "Charger les listes de départ" }).GetAttributeAsync("href"));
        Assert.Contains("Observatoire des Deux Rives", await page.Locator(".brand").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".setup-pending").CountAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "administration"));
        await BrowserFixture.Screenshot(page, "setup-done-admin-phone.png");

        // The link served once: the page is gone.
        var again = await page.GotoAsync(link);
        Assert.Equal(404, again!.Status);
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }

    [GeneratedRegex(@"^Aucun administrateur : ouvrez (?<url>http://\S+/installation\?jeton=\S+) pour installer l'observatoire")]
    private static partial Regex SetupLink();
}
