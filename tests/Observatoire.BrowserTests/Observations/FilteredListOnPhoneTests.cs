using Observatoire.Web.Infrastructure;

namespace Observatoire.BrowserTests.Observations;

/// <summary>#17.14: a filtered observation list kept its filter panel open, and on a phone the results began 2,100 px down.</summary>
[Collection(nameof(BrowserCollection))]
public class FilteredListOnPhoneTests(BrowserFixture browser)
{
    private const int Width = 360, Height = 780;

    [Fact]
    public async Task On_a_phone_a_filtered_observation_list_shows_its_first_result_on_the_first_screen()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var structure = await browser.Seed(s =>
        {
            var structure = s.Structure($"Centre filtres {id}");
            var theme = s.Theme($"Thème {id}");
            s.Observation($"Atelier filtré {id}", structure, themes: [theme]);
            return structure;
        });
        var email = await browser.CreateAccount("contributeur", "Inès", Roles.Contributeur, structure.Id);
        // An observatory in use has its administrator; before that, every page opens with the setup notice.
        await browser.CreateAccount("admin", "Camille", Roles.Administrateur);
        browser.Services.GetRequiredService<ObservatorySettingsCache>().Forget();
        var page = await browser.SignedInPage(email, Width, Height);

        await page.GotoAsync("/observations");
        await page.GetByText("Filtrer", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Thème").SelectOptionAsync(new SelectOptionValue { Label = $"Thème {id}" });
        await page.GetByLabel("Structure").SelectOptionAsync(new SelectOptionValue { Label = $"Centre filtres {id}" });
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }), url => url.Contains("theme="));

        var first = page.Locator(".observation-list li").First;
        Assert.Equal($"Atelier filtré {id}", await first.Locator("h2").InnerTextAsync());
        var box = await first.BoundingBoxAsync();
        await BrowserFixture.Screenshot(page, "observations-filtrees-360.png", fullPage: false);
        Assert.True(box!.Y + box.Height <= Height, $"Le premier résultat commence à {box.Y} px et finit à {box.Y + box.Height} px ; l'écran en a {Height}.");
        // The closed panel says that filters apply, and how many.
        Assert.Equal("Filtrer — 2 filtres actifs", (await page.Locator(".filters summary").InnerTextAsync()).Trim());
        var violations = await BrowserFixture.SeriousViolations(page, "liste filtrée");
        await page.Context.CloseAsync();

        Assert.True(!violations.Any(), "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
