namespace Observatoire.BrowserTests.Observations;

/// <summary>A contributor, on a phone, goes from the dashboard to « Où observer ensuite » and opens a prefilled observation.</summary>
[Collection(nameof(BrowserCollection))]
public class WhereToObserveBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_contributor_finds_a_cell_to_observe_and_opens_the_form_prefilled_on_a_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var structure = await browser.Seed(s =>
        {
            var quartier = s.Quartier($"Fontaines {suffix}", s.Territory($"Tours {suffix}"));
            s.Theme($"Numérique {suffix}");
            s.Audience($"Seniors {suffix}");
            return s.Structure($"Maison des Fontaines {suffix}", quartier);
        });
        var page = await browser.SignedInPage(await browser.CreateAccount("observer", "Karim", Roles.Contributeur, structure.Id), 360, 780);
        var violations = new List<string>();

        await page.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "Où observer ensuite" }));
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "où observer"));
        await BrowserFixture.Screenshot(page, "ou-observer-telephone.png");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        // This test's own quartier: other tests' quartiers also lack observations of this theme and audience.
        var row = page.Locator("table.gaps tbody tr", new() { HasText = $"Numérique {suffix}" }).Filter(new() { HasText = $"Seniors {suffix}" })
            .Filter(new() { HasText = $"Fontaines {suffix}" });
        await BrowserFixture.Submit(row.GetByRole(AriaRole.Link).First);
        Assert.Contains("/observations/nouvelle?", page.Url);
        Assert.True(await page.GetByLabel($"Numérique {suffix}").IsCheckedAsync());
        Assert.True(await page.GetByLabel($"Seniors {suffix}").IsCheckedAsync());
        Assert.Contains($"Fontaines {suffix}", await page.Locator("select[name='Input.TerritoryId'] option:checked").InnerTextAsync());
        await page.Context.CloseAsync();

        Assert.Equal(0, overflow);
        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
