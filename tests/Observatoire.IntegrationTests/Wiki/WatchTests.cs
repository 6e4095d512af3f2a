namespace Observatoire.IntegrationTests.Wiki;

public class WatchTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_watch_list_shows_changes_made_since_the_last_visit()
    {
        await Portal.Page("Bilan", "Version une.");
        var watcher = await Portal.SignedInAs(Roles.Partenaire);
        using var _ = await watcher.PostForm("/wiki/bilan", new Dictionary<string, string>(), "form[action$='handler=Watch']");
        Assert.Contains("rien de nouveau", (await watcher.GetHtml("/wiki/suivi")).QuerySelector("main .list-plain li")!.Text());

        var editor = await Portal.SignedInAs(Roles.Contributeur);
        using var __ = await editor.Save(await editor.OpenEditor("bilan"), "Bilan", "Version deux.");

        var list = (await watcher.GetHtml("/wiki/suivi")).QuerySelector("main .list-plain li")!;
        Assert.Contains("1 modification depuis votre visite", list.Text());
        Assert.Contains("Contributeur de test", list.Text());
        Assert.Equal("/wiki/bilan/diff?de=1&a=2", list.QuerySelector("a[href*=diff]")!.GetAttribute("href"));

        await watcher.GetHtml("/wiki/bilan");
        Assert.Contains("rien de nouveau", (await watcher.GetHtml("/wiki/suivi")).QuerySelector("main .list-plain li")!.Text());
    }
}
