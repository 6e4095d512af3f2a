using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Observatoire.IntegrationTests.Dashboard;
using Observatoire.Web.Pages.Observations;

namespace Observatoire.IntegrationTests.Observations;

/// <summary>The count and participants above the list, from the rollups or from a bounded count, and paging.</summary>
public class ListCountTests(PortalFixture portal) : PortalTest(portal)
{
    private static string Count(IDocument page) => page.QuerySelector(".result-count")!.Text();

    private static List<string> Titles(IDocument page) =>
        page.QuerySelectorAll(".observation-list h2").Select(h => h.Text()).ToList();

    [Theory]
    [InlineData("theme=emploi", "3", "20")]
    [InlineData("territoire=joue-les-tours&public=seniors", "1", "4")]
    [InlineData("theme=education&territoire=tours", "1", "6")]
    [InlineData("", "4", "27")]
    public async Task For_validated_observations_the_list_counts_what_the_dashboard_shows(string filter, string observations, string participants)
    {
        await DashboardData.SeedAsync(Portal);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var query = DashboardData.Query + (filter.Length > 0 ? "&" + filter : "");

        var dashboard = await partner.GetHtml("/tableau-de-bord?" + query);
        var list = await partner.GetHtml("/observations?" + query);
        var validatedForCoordination = await coordination.GetHtml("/observations?statut=validee&" + query);

        Assert.Equal(observations, dashboard.QuerySelector("#chiffre-observations .figure-value")!.Text());
        Assert.Equal(participants, dashboard.QuerySelector("#chiffre-participants .figure-value")!.Text());
        foreach (var page in new[] { list, validatedForCoordination })
        {
            Assert.Equal(observations, page.QuerySelector(".result-count strong")!.Text());
            Assert.Contains($"· {participants} participant", Count(page));
            Assert.Equal(int.Parse(observations), Titles(page).Count);
        }
    }

    [Fact]
    public async Task Coordination_without_a_status_filter_counts_every_status_exactly()
    {
        await DashboardData.SeedAsync(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var page = await coordination.GetHtml("/observations?theme=emploi&" + DashboardData.Query);

        // Three validated and the submitted one (100 participants), which the dashboard does not count.
        Assert.Equal("4", page.QuerySelector(".result-count strong")!.Text());
        Assert.Contains("· 120 participants", Count(page));
    }

    [Fact]
    public async Task Paging_without_filters_shows_every_page_and_clamps_past_the_last()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s => Enumerable.Range(1, 30).Select(i =>
            s.Observation($"Séance {i:00}", world.Ours, world.Sanitas, participants: i, observedOn: new DateOnly(2026, 1, 1).AddDays(i))).ToList());
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var first = await partner.GetHtml("/observations");
        var second = await partner.GetHtml(first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!);
        var beyond = await partner.GetHtml("/observations?page=9");

        Assert.Equal("30", first.QuerySelector(".result-count strong")!.Text());
        Assert.Contains("· 465 participants", Count(first));
        Assert.Equal("Séance 30", Titles(first)[0]);
        Assert.Equal(25, Titles(first).Count);
        Assert.Contains("Page 1 sur 2", first.QuerySelector(".pagination")!.Text());
        Assert.Equal(["Séance 05", "Séance 04", "Séance 03", "Séance 02", "Séance 01"], Titles(second));
        Assert.Null(second.QuerySelector(".pagination a[rel=next]"));
        Assert.Contains("Page 2 sur 2", beyond.QuerySelector(".pagination")!.Text());
        Assert.Equal(Titles(second), Titles(beyond));
    }

    [Fact]
    public async Task Past_the_count_limit_the_list_says_more_than_and_still_pages_to_the_end()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s => Enumerable.Range(1, 30).Select(i =>
            s.Observation($"Séance {i:00}", world.Ours, world.Sanitas, tools: [world.Nextcloud], themes: [world.Emploi],
                observedOn: new DateOnly(2026, 1, 1).AddDays(i))).ToList());
        await using var portal = Portal.Factory.WithWebHostBuilder(b => b.UseSetting(IndexModel.CountLimitSetting, "20"));
        var partner = await Portal.SignIn(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            (await Portal.CreateUser(Roles.Partenaire)).Email!);

        var first = await partner.GetHtml("/observations?outil=nextcloud");
        var second = await partner.GetHtml(first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!);
        var beyond = await partner.GetHtml("/observations?outil=nextcloud&page=3");
        var underLimit = await partner.GetHtml("/observations?outil=nextcloud&du=2026-01-20");
        var fromRollups = await partner.GetHtml("/observations?theme=emploi");

        Assert.StartsWith("Plus de 20 observations", Count(first).Trim());
        Assert.DoesNotContain("·", Count(first)); // no participants figure: they were not all counted
        Assert.Equal(25, Titles(first).Count);
        Assert.Equal("Page 1", first.QuerySelector(".pagination span")!.Text());
        Assert.Equal(["Séance 05", "Séance 04", "Séance 03", "Séance 02", "Séance 01"], Titles(second));
        Assert.Null(second.QuerySelector(".pagination a[rel=next]"));
        Assert.Contains("au-delà de la dernière", beyond.QuerySelector("main")!.Text());
        Assert.NotNull(beyond.QuerySelector("a[href='/observations?outil=nextcloud']"));
        // Under the limit the count is exact again, and the rollups answer exactly whatever the limit.
        Assert.Equal("12", underLimit.QuerySelector(".result-count strong")!.Text());
        Assert.Equal("30", fromRollups.QuerySelector(".result-count strong")!.Text());
        Assert.Contains("Page 1 sur 2", fromRollups.QuerySelector(".pagination")!.Text());
    }
}
