
namespace Observatoire.BrowserTests.Wiki;

/// <summary>The wiki editor's observation picker on a phone (390 px): the form's own search, then the script's.</summary>
[Collection(nameof(BrowserCollection))]
public class ObservationPickerBrowserTests(BrowserFixture browser)
{
    private async Task<(IPage Page, int Observation, string Slug)> Start(bool script)
    {
        var word = "cartographie" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + c % 26)));
        var observation = await browser.Seed(s => s.Observation($"Atelier {word} au Sanitas"));
        var email = await browser.CreateAccount("picker", "Contributrice du sélecteur", Roles.Contributeur);
        var page = await browser.SignedInPage(email, 390, 844);
        // Without its enhancement the picker is the plain form: « Chercher » sends it and the page comes back. The
        // scripts stand down without fetch (a route aborting the file did not stop it with this Chromium), while the
        // test's own helpers and axe still run.
        if (!script) await page.AddInitScriptAsync("window.fetch = undefined;");
        var slug = $"retour-{Guid.NewGuid():N}"[..20];
        await page.GotoAsync($"/wiki/{slug}/modifier?type=retour");
        await page.GetByLabel("Contenu").FillAsync("## Contexte\n\nTexte tapé avant de chercher.");
        await page.GetByLabel("Chercher une observation").FillAsync(word);
        return (page, observation.Id, slug);
    }

    [Fact]
    public async Task Without_the_script_searching_sends_the_form_keeps_the_text_and_the_ticked_observation_is_linked()
    {
        var (page, id, slug) = await Start(script: false);

        Assert.Null(await page.Locator(".observation-picker").GetAttributeAsync("data-enhanced"));
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }));

        Assert.Equal("## Contexte\n\nTexte tapé avant de chercher.", await page.GetByLabel("Contenu").InputValueAsync());
        Assert.StartsWith("1 observation trouvée", await page.Locator(".observation-picker [role=status]").InnerTextAsync());
        var violations = (await BrowserFixture.SeriousViolations(page, "sélecteur d'observations à 390 px")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "La page déborde à 390 px.");
        await page.Locator($".observation-found input[value='{id}']").CheckAsync();
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }), $"**/wiki/{slug}");

        await page.GotoAsync($"/observations/{id}");
        Assert.Equal(1, await page.Locator($"#retours ~ ul a[href='/wiki/{slug}']").CountAsync());
    }

    [Fact]
    public async Task With_the_script_searching_lists_the_matches_in_place_and_the_ticked_one_is_linked()
    {
        var (page, id, slug) = await Start(script: true);
        Assert.NotNull(await page.Locator(".observation-picker").GetAttributeAsync("data-enhanced"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        await page.Locator($".observation-found input[value='{id}']").CheckAsync();

        Assert.StartsWith("1 observation trouvée", await page.Locator(".observation-picker [role=status]").InnerTextAsync());
        Assert.DoesNotContain("handler", page.Url);
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }), $"**/wiki/{slug}");
        await page.GotoAsync($"/observations/{id}");
        Assert.Equal(1, await page.Locator($"#retours ~ ul a[href='/wiki/{slug}']").CountAsync());
    }
}
