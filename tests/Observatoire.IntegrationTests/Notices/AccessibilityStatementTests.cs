using Observatoire.Web.Pages.Notices;

namespace Observatoire.IntegrationTests.Notices;

/// <summary>#17: the RGAA statement states what the crawler (BrowserTests/Notices/AccessibilityCrawlerTests) checks, no more.</summary>
public class AccessibilityStatementTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_statement_gives_its_status_what_the_crawler_checks_what_does_not_conform_and_its_date()
    {
        using var visitor = Portal.CreateClient();

        var page = await visitor.GetHtml("/accessibilite");

        var main = page.QuerySelector("main")!;
        var text = main.Text();
        Assert.Equal("partiellement conforme", main.QuerySelector("#etat + p strong")!.Text());
        var tests = main.QuerySelector("#tests + p")!.Text();
        Assert.All(["visiteur sans compte", "Contributeur", "Coordination", "Partenaire", "Administrateur", "360 px", "1280 px"],
            part => Assert.Contains(part, tests));
        Assert.Contains($"axe-core {AccessibilityChecks.AxeCoreVersion}", text);
        Assert.Contains("« grave » ou « critique »", text);
        Assert.Equal(AccessibilityChecks.KnownGaps, main.QuerySelectorAll("#non-conformites + ul li").Select(li => li.Text()));
        Assert.Contains("établie le 3 décembre 2026", text);
        Assert.Contains("Défenseur des droits", text);
        Assert.Equal("Accessibilité : partiellement conforme", page.QuerySelector("footer a[href='/accessibilite']")!.Text());
    }

    [Fact]
    public async Task The_contact_is_the_observatorys_address_or_else_its_administrators()
    {
        var admin = await Portal.CreateUser(Roles.Administrateur);
        var coordination = await Portal.CreateUser(Roles.Coordination);
        using var visitor = Portal.CreateClient();

        var before = (await visitor.GetHtml("/accessibilite")).QuerySelectorAll("#contact + p a").Select(a => a.GetAttribute("href")).ToList();
        using var adminClient = await Portal.SignIn(admin.Email!);
        using (await adminClient.PostForm("/admin/parametres", new Dictionary<string, string>
        {
            ["Input.Name"] = "Observatoire des Deux Rives", ["Input.ShortName"] = "Deux Rives", ["Input.ContactEmail"] = "bonjour@deux-rives.fr",
        }, "main form")) { }
        var after = (await visitor.GetHtml("/accessibilite")).QuerySelectorAll("#contact + p a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal([$"mailto:{admin.Email}"], before);
        Assert.DoesNotContain($"mailto:{coordination.Email}", before);
        Assert.Equal(["mailto:bonjour@deux-rives.fr"], after);
    }
}
