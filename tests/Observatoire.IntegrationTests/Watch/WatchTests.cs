using Observatoire.IntegrationTests.Groups;

namespace Observatoire.IntegrationTests.Watch;

public class WatchTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_member_posts_a_link_that_is_published_at_once_and_a_second_post_of_it_is_refused()
    {
        await Portal.Seed(s => s.Tool("Pix"));
        using var partner = await Portal.SignedInAs(Roles.Partenaire);
        var toolId = await Portal.Db(db => db.DigitalTools.Select(t => t.Id).SingleAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Url", "https://pix.fr"), new("Input.Title", "Pix pour situer les personnes"),
            new("Input.Note", "Utile en début d'accompagnement."), new("Input.ToolIds", toolId.ToString()),
        };

        using var response = await partner.PostForm("/veille/proposer", fields, "main form[method=post]");

        response.AssertRedirect();
        var item = await Portal.Db(db => db.WatchItems.Include(w => w.Tools).SingleAsync());
        Assert.Equal(($"/veille/{item.Id}", WatchStatus.Published), (response.Headers.Location!.OriginalString, item.Status));
        Assert.Equal("Pix", Assert.Single(item.Tools).Name);
        var list = await Portal.CreateClient().GetHtml("/veille");
        Assert.Contains("Pix pour situer les personnes", list.QuerySelector(".watch-list")!.Text());

        using var again = await partner.PostForm("/veille/proposer", fields, "main form[method=post]");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("déjà été partagé", (await again.ReadHtml()).QuerySelector("#Input_Url-erreur")!.Text());
    }

    [Fact]
    public async Task Useful_is_one_mark_per_member_and_a_second_click_removes_it()
    {
        var id = await Portal.WatchItem();
        using var a = await Portal.SignedInAs(Roles.Contributeur);
        using var b = await Portal.SignedInAs(Roles.Partenaire);

        (await a.PostForm($"/veille/{id}", new Dictionary<string, string>(), "form[action*='handler=Useful']")).AssertRedirect();
        (await b.PostForm($"/veille/{id}", new Dictionary<string, string>(), "form[action*='handler=Useful']")).AssertRedirect();
        Assert.Equal(2, await Portal.Db(db => db.WatchUsefuls.CountAsync(u => u.ItemId == id)));
        Assert.Contains("Utile pour 2 membres", (await a.GetHtml($"/veille/{id}")).Body!.Text());

        (await a.PostForm($"/veille/{id}", new Dictionary<string, string>(), "form[action*='handler=Useful']")).AssertRedirect();
        Assert.Equal(1, await Portal.Db(db => db.WatchUsefuls.CountAsync(u => u.ItemId == id)));
    }

    [Fact]
    public async Task Members_comment_and_visitors_see_no_comment()
    {
        var id = await Portal.WatchItem();
        using var member = await Portal.SignedInAs(Roles.Contributeur);

        using var empty = await member.PostForm($"/veille/{id}", new Dictionary<string, string> { ["Comment"] = "  " }, "form[action*='handler=Comment']");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Écrivez votre commentaire", (await empty.ReadHtml()).QuerySelector("#commentaire-erreur")!.Text());
        (await member.PostForm($"/veille/{id}", new Dictionary<string, string> { ["Comment"] = "Essayé en atelier <b>avec succès</b>." },
            "form[action*='handler=Comment']")).AssertRedirect();

        var page = await member.GetHtml($"/veille/{id}");
        Assert.Contains("Essayé en atelier <b>avec succès</b>.", page.QuerySelector(".comment")!.Text());
        Assert.Null(page.QuerySelector(".comment b"));
        Assert.Null((await Portal.CreateClient().GetHtml($"/veille/{id}")).QuerySelector(".comment"));
    }

    [Fact]
    public async Task A_contributor_turns_an_item_into_a_wiki_page_with_its_first_revision_and_a_partner_cannot()
    {
        await Portal.Seed(s => s.Tool("Pix"));
        var id = await Portal.WatchItem();
        using var partner = await Portal.SignedInAs(Roles.Partenaire);
        using var forbidden = await partner.PostWithToken($"/veille/{id}", $"/veille/{id}?handler=ToWiki", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var contributor = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await contributor.PostForm($"/veille/{id}", new Dictionary<string, string>(), "form[action*='handler=ToWiki']");

        response.AssertRedirect("/wiki/les-bons-clics/modifier");
        var page = await Portal.Db(db => db.WikiPages.Include(p => p.Revisions).Include(p => p.Tools).SingleAsync());
        Assert.Equal(("Les Bons Clics", 1), (page.Title, page.CurrentRevisionNumber));
        var revision = Assert.Single(page.Revisions);
        Assert.Contains("https://lesbonsclics.fr/", revision.Markdown);
        Assert.Equal("Pix", Assert.Single(page.Tools).Name);
        Assert.Equal(page.Id, await Portal.Db(db => db.WatchItems.Where(w => w.Id == id).Select(w => w.WikiPageId).SingleAsync()));
    }

    [Fact]
    public async Task A_contributor_links_an_item_to_an_observation_they_can_read()
    {
        var observation = await Portal.Seed(s => s.Observation("Atelier Pix au centre social"));
        var draft = await Portal.Seed(s => s.Observation("Brouillon d'un autre", status: ObservationStatus.Draft));
        var id = await Portal.WatchItem();
        using var contributor = await Portal.SignedInAs(Roles.Contributeur);

        using var hidden = await contributor.PostForm($"/veille/{id}", new Dictionary<string, string> { ["ObservationId"] = draft.Id.ToString() },
            "form[action*='handler=LinkObservation']");
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        (await contributor.PostForm($"/veille/{id}", new Dictionary<string, string> { ["ObservationId"] = observation.Id.ToString() },
            "form[action*='handler=LinkObservation']")).AssertRedirect();

        var linked = await Portal.Db(db => db.WatchItems.Where(w => w.Id == id).SelectMany(w => w.Observations.Select(o => o.Id)).ToListAsync());
        Assert.Equal([observation.Id], linked);
        Assert.Contains("Atelier Pix au centre social", (await contributor.GetHtml($"/veille/{id}")).QuerySelector("#observations")!.ParentElement!.Text());
    }

    [Fact]
    public async Task The_weekly_digest_lists_the_items_published_that_paris_week()
    {
        // Week 47 of 2026 runs from Monday 16 to Sunday 22 November, Paris time (UTC+1).
        await Portal.WatchItem(publishedAt: new DateTime(2026, 11, 15, 22, 59, 0, DateTimeKind.Utc), title: "Dimanche soir, semaine 46");
        await Portal.WatchItem(publishedAt: new DateTime(2026, 11, 15, 23, 1, 0, DateTimeKind.Utc), title: "Lundi 0 h 01, semaine 47");
        await Portal.WatchItem(publishedAt: new DateTime(2026, 11, 22, 22, 59, 0, DateTimeKind.Utc), title: "Dimanche 23 h 59, semaine 47");
        await Portal.WatchItem(status: WatchStatus.ToReview, title: "À examiner");

        var page = await Portal.CreateClient().GetHtml("/veille/semaine?semaine=2026-W47");

        var titles = page.QuerySelectorAll(".watch-list strong").Select(e => e.Text()).Order().ToList();
        Assert.Equal(["Dimanche 23 h 59, semaine 47", "Lundi 0 h 01, semaine 47"], titles);
        Assert.Equal("/veille/semaine?semaine=2026-W46", page.QuerySelector(".week-nav a")!.GetAttribute("href"));
        Assert.Contains("n'existe pas", (await Portal.CreateClient().GetHtml("/veille/semaine?semaine=2026-W60")).Body!.Text());
    }

    [Fact]
    public async Task Items_read_from_feeds_stay_hidden_until_coordination_publishes_them()
    {
        var id = await Portal.WatchItem(status: WatchStatus.ToReview, title: "Lu dans un flux");
        using var contributor = await Portal.SignedInAs(Roles.Contributeur);
        await contributor.GetHtml($"/veille/{id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Lu dans un flux", (await contributor.GetHtml("/veille")).Body!.Text());
        using var publish = await contributor.PostWithToken("/veille", $"/veille/{id}?handler=Publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        using var coordination = await Portal.SignedInAs(Roles.Coordination);
        Assert.Contains("Lu dans un flux", (await coordination.GetHtml("/veille/a-examiner")).Body!.Text());

        (await coordination.PostForm($"/veille/{id}", new Dictionary<string, string>(), "form[action*='handler=Publish']")).AssertRedirect();

        Assert.Contains("Lu dans un flux", (await contributor.GetHtml("/veille")).Body!.Text());
    }
}
