using Microsoft.EntityFrameworkCore;

namespace Observatoire.BrowserTests.Syntheses;

[Collection(nameof(BrowserCollection))]
public class CompareBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_partner_compares_two_syntheses_from_the_list_on_a_phone_and_prints_it_without_the_menu()
    {
        // Names of their own: the browser tests share one database.
        var seeded = await browser.Seed(s =>
        {
            var quartier = s.Quartier("Bords de Loire comparaison", s.Territory("Chambray comparaison"));
            var centre = s.Structure("Centre social comparaison", quartier);
            for (var i = 0; i < 6; i++)
                s.Observation($"Atelier comparaison {i}", centre, quartier, observedOn: new(2026, 2, 1 + i), participants: 5);
            return (quartier, s.Observation("Atelier comparaison ajouté", centre, quartier, ObservationStatus.Submitted, new(2026, 3, 1), participants: 5));
        });
        var (slug, submitted) = (seeded.quartier.Slug, seeded.Item2.Id);
        var email = await browser.CreateAccount("partenaire-comparaison", "Inès", Roles.Partenaire);
        var page = await browser.NewPage(360, 780);
        await BrowserFixture.SignIn(page, email);
        var query = $"du=2026-01-01&au=2026-06-30&territoire={slug}";
        var references = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await page.GotoAsync($"/syntheses/apercu?{query}");
            await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Générer le PDF" }), url => url.Contains("creee=SYN-"));
            references.Add(System.Text.RegularExpressions.Regex.Match(page.Url, "creee=(SYN-[0-9-]+)").Groups[1].Value);
            if (i > 0) continue;
            // Validated between the two: it entered the second synthesis.
            await using var scope = browser.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>().Observations.Where(o => o.Id == submitted)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ObservationStatus.Validated).SetProperty(o => o.ValidatedAt, DateTime.UtcNow));
        }
        var (a, b) = (references[0], references[1]);

        await BrowserFixture.Submit(page.Locator($"tr#{a}").GetByRole(AriaRole.Link, new() { Name = $"Comparer avec… {a}" }), url => url.EndsWith($"/syntheses/{a}/comparer"));
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = $"Comparer avec {b}" }), url => url.Contains($"a={a}&b={b}"));
        var observations = await page.Locator("section[aria-labelledby=chiffres] tbody tr", new() { HasText = "Usages observés" }).InnerTextAsync();
        var entered = await page.Locator("table[aria-labelledby=entrees] tbody tr").AllInnerTextsAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var violations = await BrowserFixture.SeriousViolations(page, "comparaison de deux synthèses");
        await BrowserFixture.Screenshot(page, "synthese-comparaison-telephone.png");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var menuPrinted = await page.Locator(".site-header").IsVisibleAsync();
        await page.Context.CloseAsync();

        Assert.Equal(["Usages observés", "6", "7", "+1"], observations.Split('\t', StringSplitOptions.TrimEntries));
        Assert.Contains("Atelier comparaison ajouté", Assert.Single(entered));
        Assert.True(overflow <= 0, $"La page déborde de {overflow} px en largeur sur téléphone.");
        Assert.Empty(violations);
        Assert.False(menuPrinted, "Le menu du portail est imprimé avec la comparaison.");
    }
}
