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
}
