using Microsoft.Extensions.DependencyInjection;

namespace Observatoire.IntegrationTests.Wiki;

public class EditTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Base = "## Contexte\n\nLa Rabière.\n\n## Résultats\n\nÀ venir.";

    [Fact]
    public async Task A_contributor_creates_a_missing_page_and_its_first_revision_is_stored()
    {
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var editor = await client.OpenEditor("agora-de-la-rabiere");

        using var saved = await client.Save(editor, "Agora de la Rabière", "Voir [[Espace partenaires]].\n\n**Bilan** positif.", type: "ExperienceReport");

        saved.AssertRedirectTo("/wiki/agora-de-la-rabiere");
        var page = await client.GetHtml("/wiki/agora-de-la-rabiere");
        Assert.Equal("Agora de la Rabière", page.QuerySelector("h1")!.Text());
        Assert.Equal("<strong>Bilan</strong>", page.QuerySelector(".wiki-content strong")!.OuterHtml);
        var missing = page.QuerySelector("a.wikilink-new")!;
        Assert.Equal("/wiki/espace-partenaires/modifier?titre=Espace%20partenaires", missing.GetAttribute("href"));
        var revision = await Portal.Db(db => db.WikiRevisions.Include(r => r.Author).SingleAsync());
        Assert.Equal((1, "Voir [[Espace partenaires]].\n\n**Bilan** positif."), (revision.Number, revision.Markdown));
        Assert.Contains("<strong>Bilan</strong>", revision.Html);
        Assert.Equal("Voir Espace partenaires.\nBilan positif.", revision.PlainText);
        Assert.Equal("Contributeur de test", revision.Author!.DisplayName);
    }

    [Fact]
    public async Task Creating_the_target_of_a_link_turns_the_link_into_a_normal_one_and_lists_the_backlink()
    {
        await Portal.Page("Accueil", "Voir [[Méthode]].");
        var client = await Portal.SignedInAs(Roles.Contributeur);
        Assert.NotNull((await client.GetHtml("/wiki/accueil")).QuerySelector("a.wikilink-new"));

        using var _ = await client.Save(await client.OpenEditor("methode"), "Méthode", "Notre méthode.");

        var home = await client.GetHtml("/wiki/accueil");
        Assert.Null(home.QuerySelector("a.wikilink-new"));
        Assert.Equal("/wiki/methode", home.QuerySelector(".wiki-content a.wikilink")!.GetAttribute("href"));
        var method = await client.GetHtml("/wiki/methode");
        Assert.Contains(method.QuerySelectorAll("#retroliens ~ ul a"), a => a.GetAttribute("href") == "/wiki/accueil");
    }

    [Fact]
    public async Task Preview_shows_the_rendering_and_saves_nothing()
    {
        await Portal.Page("Bilan", Base);
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await client.Save(await client.OpenEditor("bilan"), "Bilan", "## Nouveau\n\n*essai*", handler: "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Equal("essai", page.QuerySelector(".preview em")!.Text());
        Assert.Equal("## Nouveau\n\n*essai*", page.QuerySelector("textarea[name='Input.Markdown']")!.TextContent.Replace("\r\n", "\n"));
        Assert.Equal(1, await Portal.Db(db => db.WikiRevisions.CountAsync()));
    }

    [Fact]
    public async Task Saving_over_a_newer_revision_that_changed_other_paragraphs_merges_both_edits()
    {
        await Portal.Page("Bilan", Base);
        var first = await Portal.SignedInAs(Roles.Contributeur);
        var second = await Portal.SignedInAs(Roles.Contributeur);
        var firstEditor = await first.OpenEditor("bilan");
        var secondEditor = await second.OpenEditor("bilan");

        using var _ = await first.Save(firstEditor, "Bilan", Base.Replace("La Rabière.", "La Rabière, à Joué-lès-Tours."));
        using var merged = await second.Save(secondEditor, "Bilan", Base.Replace("À venir.", "Quarante contributeurs."));

        merged.AssertRedirectTo("/wiki/bilan");
        var current = await Portal.Db(db => db.WikiPages.Select(p => p.CurrentRevision!.Markdown).SingleAsync());
        Assert.Equal("## Contexte\n\nLa Rabière, à Joué-lès-Tours.\n\n## Résultats\n\nQuarante contributeurs.", current);
        Assert.Equal(3, await Portal.Db(db => db.WikiRevisions.CountAsync()));
    }

    [Fact]
    public async Task Saving_over_a_newer_revision_of_the_same_lines_shows_the_conflict_and_loses_nothing()
    {
        await Portal.Page("Bilan", Base);
        var first = await Portal.SignedInAs(Roles.Contributeur);
        var second = await Portal.SignedInAs(Roles.Coordination);
        var firstEditor = await first.OpenEditor("bilan");
        var secondEditor = await second.OpenEditor("bilan");
        var theirs = Base.Replace("À venir.", "Quarante contributeurs formés.");
        var mine = Base.Replace("À venir.", "Une Agora qui publie chaque semaine.");

        using var _ = await first.Save(firstEditor, "Bilan", theirs);
        using var response = await second.Save(secondEditor, "Bilan", mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Contains("Quelqu'un a modifié cette page", page.QuerySelector(".conflict h2")!.Text());
        Assert.Equal(mine, page.QuerySelector("textarea[name='Input.Markdown']")!.TextContent.Replace("\r\n", "\n"));
        Assert.Equal(theirs, page.QuerySelector("textarea#autre-version")!.TextContent.Replace("\r\n", "\n"));
        // #17.12: the other person is named, with a link to their version.
        var intro = page.QuerySelector(".conflict h2 + p")!;
        Assert.Contains("Contributeur de test a enregistré la version 2", intro.Text());
        Assert.Equal("version 2", intro.QuerySelector("a[href='/wiki/bilan/version/2']")!.Text());
        // Their change goes from the version both started from to theirs; the user's, from that version to the text typed.
        var (theirChange, yourChange) = (page.QuerySelector("#sa-modification")!, page.QuerySelector("#votre-modification")!);
        Assert.Equal("Sa modification (Contributeur de test) : de la version 1 à la version 2", theirChange.QuerySelector("summary")!.Text());
        Assert.Equal("Votre modification : de la version 1 à votre texte", yourChange.QuerySelector("summary")!.Text());
        Assert.Equal((Base, theirs), Sides(theirChange));
        Assert.Contains("Quarante", Added(theirChange));
        Assert.DoesNotContain("Agora", Added(theirChange));
        Assert.Equal((Base, mine), Sides(yourChange));
        Assert.Contains("Agora", Added(yourChange));
        Assert.DoesNotContain("Quarante", Added(yourChange));
        // The merge keeps the untouched lines and shows the disputed one from both sides, each named.
        var merge = page.QuerySelector("#fusion .merge")!;
        Assert.StartsWith("## Contexte\n\nLa Rabière.\n\n## Résultats", merge.QuerySelector(".merge-settled")!.TextContent);
        var disputed = Assert.Single(merge.QuerySelectorAll(".merge-conflict"));
        Assert.Equal("Sa version (Contributeur de test)Quarante contributeurs formés.", disputed.QuerySelector(".merge-theirs")!.TextContent);
        Assert.Equal("Votre versionUne Agora qui publie chaque semaine.", disputed.QuerySelector(".merge-mine")!.TextContent);
        Assert.Equal("2", page.QuerySelector("input[name='Input.BaseRevision']")!.GetAttribute("value"));
        Assert.Equal(theirs, await Portal.Db(db => db.WikiPages.Select(p => p.CurrentRevision!.Markdown).SingleAsync()));
    }

    [Fact]
    public async Task Only_coordination_edits_a_protected_page()
    {
        await Portal.Page("Charte", "Texte de la charte.", isProtected: true);
        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var refused = await contributor.GetAsync("/wiki/charte/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var token = (await coordination.OpenEditor("charte")).Token;
        using var forged = await contributor.Save(new WikiTestData.Editor("charte", (await contributor.OpenEditor("nouvelle-page")).Token, "1"), "Charte", "vandalisme");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        using var saved = await coordination.Save(await coordination.OpenEditor("charte"), "Charte", "Charte révisée.", more: ("Input.IsProtected", "true"));
        saved.AssertRedirectTo("/wiki/charte");
        Assert.NotEmpty(token);
        Assert.Equal("Charte révisée.", await Portal.Db(db => db.WikiPages.Select(p => p.CurrentRevision!.Markdown).SingleAsync()));
    }

    [Fact]
    public async Task A_contributor_cannot_change_who_reads_a_page_but_coordination_can()
    {
        await Portal.Page("Interne", "Réservé.", visibility: WikiVisibility.Members);
        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        using var _ = await contributor.Save(await contributor.OpenEditor("interne"), "Interne", "Réservé, modifié.", visibility: "Public");
        Assert.Equal(WikiVisibility.Members, await Portal.Db(db => db.WikiPages.Select(p => p.Visibility).SingleAsync()));

        var coordination = await Portal.SignedInAs(Roles.Coordination);
        using var __ = await coordination.Save(await coordination.OpenEditor("interne"), "Interne", "Public désormais.", visibility: "Public");
        Assert.Equal(WikiVisibility.Public, await Portal.Db(db => db.WikiPages.Select(p => p.Visibility).SingleAsync()));
    }

    [Fact]
    public async Task An_experience_report_appears_on_the_records_it_is_linked_to()
    {
        var (tool, structure) = await Portal.Seed(s => (s.Tool("Agora-Project"), s.Structure("Association Résoudre")));
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var _ = await client.Save(await client.OpenEditor("espace-partenaires"), "Espace partenaires", "## Contexte\n\nUn espace.",
            visibility: "Members", type: "ExperienceReport", more: [("Input.ToolIds", tool.Id.ToString()), ("Input.StructureIds", structure.Id.ToString())]);

        var page = await client.GetHtml("/wiki/espace-partenaires");
        Assert.Contains(page.QuerySelectorAll("#concerne ~ dl a"), a => a.GetAttribute("href") == $"/annuaire/outils/{tool.Slug}");
        var reports = await Portal.Scope(async sp =>
        {
            var db = sp.GetRequiredService<Observatoire.Web.Data.ObservatoireDbContext>();
            var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            return await Observatoire.Web.Pages.Wiki.WikiLinks.ReportsForTool(db, anonymous, tool.Id, default);
        });
        // Created by a contributor, a page is for members until Coordination publishes it.
        Assert.Empty(reports);
        var asMember = await Portal.Scope(async sp =>
        {
            var db = sp.GetRequiredService<Observatoire.Web.Data.ObservatoireDbContext>();
            var member = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Partenaire)], "test"));
            return await Observatoire.Web.Pages.Wiki.WikiLinks.ReportsForStructure(db, member, structure.Id, default);
        });
        Assert.Equal("Espace partenaires", Assert.Single(asMember).Title);
    }

    [Theory]
    [InlineData("emploi, une catégorie dont le nom dépasse nettement les soixante caractères permis", "au plus 60")]
    [InlineData("c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21", "21 catégories : 20 au plus")]
    public async Task Categories_out_of_bounds_are_refused_next_to_the_field_not_dropped(string categories, string said)
    {
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await client.Save(await client.OpenEditor("bilan"), "Bilan", Base, more: [("Input.Categories", categories)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Contains(said, page.QuerySelector("#Input_Categories-error")!.Text());
        Assert.Equal(categories, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Categories']")!).Value);
        Assert.Equal(0, await Portal.Db(db => db.WikiPages.CountAsync()));
    }

    [Fact]
    public async Task The_preview_says_an_image_from_another_site_will_not_be_shown()
    {
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await client.Save(await client.OpenEditor("bilan"), "Bilan",
            "![affiche](https://ailleurs.example/affiche.png) ![logo](/wiki/bilan/fichiers/logo.png)", handler: "Preview");

        var notice = (await response.ReadHtml()).QuerySelector(".preview .notice")!.Text();
        Assert.Contains("Image hors du portail : elle ne sera pas affichée ; joignez-la", notice);
        Assert.Contains("https://ailleurs.example/affiche.png", notice);
        Assert.DoesNotContain("logo.png", notice);
    }

    /// <summary>The texts before and after a word diff, rebuilt from its segments.</summary>
    private static (string Before, string After) Sides(IElement section)
    {
        var diff = section.QuerySelector(".diff")!.Children;
        return (string.Concat(diff.Where(e => e.TagName != "INS").Select(e => e.TextContent)),
            string.Concat(diff.Where(e => e.TagName != "DEL").Select(e => e.TextContent)));
    }

    /// <summary>What a word diff shows as added.</summary>
    private static string Added(IElement section) => string.Join(" ", section.QuerySelectorAll(".diff ins").Select(e => e.TextContent));
}
