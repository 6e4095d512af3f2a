namespace Observatoire.BrowserTests.Dashboard;

/// <summary>« Qui participe » on a phone: the public summary from the dashboard, then the members' view by quarter.</summary>
[Collection(nameof(BrowserCollection))]
public class ParticipationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_public_summary_and_the_members_view_read_on_a_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var structure = await browser.Seed(s =>
        {
            var quartier = s.Quartier($"Velpeau {suffix}", s.Territory($"Tours {suffix}"));
            var centre = s.Structure($"Centre Velpeau {suffix}", quartier);
            s.Observation($"Atelier {suffix}", centre);
            return centre;
        });
        var email = await browser.CreateAccount("participation", "Inès", Roles.Partenaire, structure.Id);
        var page = await browser.NewPage(360, 780);
        var violations = new List<string>();
        var overflow = new List<int>();
        const string measure = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

        await page.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "Qui participe", Exact = true }), url => url.Contains("/tableau-de-bord/participation"));
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "résumé public"));
        overflow.Add(await page.EvaluateAsync<int>(measure));
        await BrowserFixture.Screenshot(page, "participation-public-telephone.png");
        var publicNotice = await page.Locator("#resume-public").IsVisibleAsync();
        var publicKindColumns = await page.Locator("#tableau-categories thead th", new() { HasText = "Observations soumises" }).CountAsync();

        await BrowserFixture.SignIn(page, email);
        await page.GotoAsync("/tableau-de-bord/participation");
        await page.SelectOptionAsync("#pas", "trimestre");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }), url => url.Contains("pas=trimestre"));
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "vue des membres"));
        overflow.Add(await page.EvaluateAsync<int>(measure));
        await BrowserFixture.Screenshot(page, "participation-membres-telephone.png");
        var memberNotice = await page.Locator("#resume-public").CountAsync();
        var memberKindColumns = await page.Locator("#tableau-categories thead th", new() { HasText = "Observations soumises" }).CountAsync();
        var periodHeading = await page.Locator("#tableau-periodes thead th").First.InnerTextAsync();
        var territoryRow = await page.Locator("#tableau-territoires tbody tr", new() { HasText = $"Velpeau {suffix} (Tours {suffix})" }).CountAsync();
        await page.Context.CloseAsync();

        Assert.True(publicNotice);
        Assert.Equal(0, publicKindColumns);
        Assert.Equal(0, memberNotice);
        Assert.Equal(1, memberKindColumns);
        Assert.Equal("Trimestre", periodHeading);
        Assert.Equal(1, territoryRow);
        Assert.Equal([0, 0], overflow);
        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
