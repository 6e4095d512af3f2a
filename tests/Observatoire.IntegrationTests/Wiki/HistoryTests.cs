namespace Observatoire.IntegrationTests.Wiki;

public class HistoryTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_diff_shows_the_words_that_changed_with_a_legend()
    {
        await Portal.Page("Bilan", "Les jeunes viennent chaque semaine.", laterVersions: "Les jeunes viennent chaque mois.");
        var client = Portal.CreateClient();

        var page = await client.GetHtml("/wiki/bilan/diff?de=1&a=2");

        Assert.Equal("semaine", page.QuerySelector(".diff del")!.Text());
        Assert.Equal("mois", page.QuerySelector(".diff ins")!.Text());
        Assert.Contains("texte ajouté", page.QuerySelector(".diff-legend")!.Text());
    }

    [Fact]
    public async Task The_history_lists_every_revision_newest_first()
    {
        await Portal.Page("Bilan", "un", laterVersions: ["deux", "trois"]);

        var page = await Portal.CreateClient().GetHtml("/wiki/bilan/historique");

        Assert.Equal(["3 (actuelle)", "2", "1"], page.QuerySelectorAll("tbody tr td:nth-child(3)").Select(td => td.Text()));
        Assert.Equal("un", (await Portal.CreateClient().GetHtml("/wiki/bilan/version/1")).QuerySelector(".wiki-content")!.Text());
    }

    [Fact]
    public async Task Restoring_an_old_revision_appends_it_as_a_new_one()
    {
        await Portal.Page("Bilan", "Texte d'origine.", laterVersions: "Texte abîmé.");
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await client.PostForm("/wiki/bilan/historique", new Dictionary<string, string>(), "form#restaurer-1");

        response.AssertRedirectTo("/wiki/bilan");
        var revisions = await Portal.Db(db => db.WikiRevisions.OrderBy(r => r.Number).Select(r => new { r.Number, r.Markdown, r.Comment }).ToListAsync());
        Assert.Equal(["Texte d'origine.", "Texte abîmé.", "Texte d'origine."], revisions.Select(r => r.Markdown));
        Assert.Equal("Restauration de la version 1", revisions[2].Comment);
        Assert.Equal(3, await Portal.Db(db => db.WikiPages.Select(p => p.CurrentRevisionNumber).SingleAsync()));
    }

    [Fact]
    public async Task A_partner_reads_the_history_but_cannot_restore()
    {
        await Portal.Page("Bilan", "un", laterVersions: "deux");
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var history = await partner.GetHtml("/wiki/bilan/historique");
        Assert.Null(history.QuerySelector("form#restaurer-1"));

        var token = (await partner.GetHtml("/wiki/bilan")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = await partner.PostAsync("/wiki/bilan/historique?handler=Restore&numero=1",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(2, await Portal.Db(db => db.WikiRevisions.CountAsync()));
    }

    [Fact]
    public async Task The_history_page_names_the_wiki_page_in_its_title()
    {
        await Portal.Page("Bilan", "un", laterVersions: "deux");

        var page = await Portal.CreateClient().GetHtml("/wiki/bilan/historique");

        Assert.Equal("Historique — Bilan — Observatoire", page.Title);
    }

    [Fact]
    public async Task History_diff_and_version_show_the_Paris_hour_in_summer_and_in_winter()
    {
        await Portal.Page("Bilan", "un", laterVersions: "deux");
        // The server and this machine run in UTC: 10 h UTC is 11 h in Paris in winter (UTC+1), 12 h in summer (UTC+2).
        await Portal.Db(db => db.WikiRevisions.Where(r => r.Number == 1)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, new DateTime(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc))));
        await Portal.Db(db => db.WikiRevisions.Where(r => r.Number == 2)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc))));
        var client = Portal.CreateClient();

        var history = await client.GetHtml("/wiki/bilan/historique");
        Assert.Equal(["1er juillet 2026 à 12 h 00", "15 janvier 2026 à 11 h 00"],
            history.QuerySelectorAll("tbody tr td:nth-child(4)").Select(td => td.Text().Replace('\u00A0', ' ')));
        var diff = (await client.GetHtml("/wiki/bilan/diff?de=1&a=2")).QuerySelector("main")!.Text().Replace('\u00A0', ' ');
        Assert.Contains("version 1 du 15 janvier 2026 à 11 h 00", diff);
        Assert.Contains("version 2 du 1er juillet 2026 à 12 h 00", diff);
        var version = (await client.GetHtml("/wiki/bilan/version/1")).QuerySelector("main")!.Text().Replace('\u00A0', ' ');
        Assert.Contains("version 1 du 15 janvier 2026 à 11 h 00", version);
    }
}
