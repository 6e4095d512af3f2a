using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.IntegrationTests.Wiki;

/// <summary>
/// The wiki editor links observations picked by search (#17.11): « Chercher » posts the whole form to its own handler
/// and comes back with everything typed, the ticked observations and the matches the person may see.
/// </summary>
public class ObservationPickerTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Markdown = "## Contexte\n\nDes ateliers au Sanitas.\n\n## Résultats\n\nÀ venir.";

    private static Task<HttpResponseMessage> Search(HttpClient client, WikiTestData.Editor editor, string query, params (string, string)[] more) =>
        client.Save(editor, "Retour cartographie", Markdown, handler: "Observations", more: [("Input.ObservationQuery", query), .. more]);

    private static int[] Offered(IDocument page) =>
        page.QuerySelectorAll(".observation-found input[name='Input.ObservationIds']").Select(i => int.Parse(i.GetAttribute("value")!)).ToArray();

    private static int[] Linked(IDocument page) =>
        page.QuerySelectorAll(".observation-linked input[name='Input.ObservationIds']:checked").Select(i => int.Parse(i.GetAttribute("value")!)).ToArray();

    [Fact]
    public async Task Searching_finds_observations_by_the_words_of_their_title_with_their_number_date_and_structure()
    {
        var (map, job) = await Portal.Seed(s => (
            s.Observation("Atelier cartographie au Sanitas", s.Structure("Centre social Pluriel"), observedOn: new DateOnly(2026, 3, 1)),
            s.Observation("Permanence emploi", description: "Entretiens individuels.")));
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var editor = await client.OpenEditor("retour-cartographie");

        using var response = await Search(client, editor, "cartographies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Equal([map.Id], Offered(page));
        var label = page.QuerySelector(".observation-found label")!.Text();
        Assert.Contains($"n° {map.Id} — Atelier cartographie au Sanitas", label);
        Assert.Contains("1er mars 2026 · Centre social Pluriel", label);
        Assert.Equal("1 observation trouvée pour « cartographies ».", page.QuerySelector(".observation-picker [role=status]")!.Text());
        Assert.DoesNotContain(job.Id, Offered(page));
        Assert.Equal(0, await Portal.Db(db => db.WikiRevisions.CountAsync()));
    }

    [Fact]
    public async Task Only_the_observations_the_person_may_see_are_offered()
    {
        var (own, validated, othersDraft) = await Portal.Seed(s =>
        {
            var mine = s.Structure("Maison de quartier");
            return (s.Observation("Atelier cartographie brouillon maison", mine, status: ObservationStatus.Draft),
                s.Observation("Atelier cartographie validé"),
                s.Observation("Atelier cartographie brouillon ailleurs", status: ObservationStatus.Draft));
        });
        var ownStructure = await Portal.Db(db => db.Observations.Where(o => o.Id == own.Id).Select(o => o.StructureId).SingleAsync());
        var contributor = await Portal.SignedInAs(Roles.Contributeur, ownStructure);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var byContributor = await Search(contributor, await contributor.OpenEditor("retour-cartographie"), "cartographie");
        using var byCoordination = await Search(coordination, await coordination.OpenEditor("retour-cartographie"), "cartographie");
        var fragment = await contributor.GetHtml($"/wiki/retour-cartographie/modifier?handler=Observations&q=cartographie");

        Assert.Equal(new[] { own.Id, validated.Id }.Order(), Offered(await byContributor.ReadHtml()).Order());
        Assert.Equal(new[] { own.Id, validated.Id, othersDraft.Id }.Order(), Offered(await byCoordination.ReadHtml()).Order());
        // The search of the script: the same rule, as a fragment.
        Assert.Equal(new[] { own.Id, validated.Id }.Order(),
            fragment.QuerySelectorAll("input[name='Input.ObservationIds']").Select(i => int.Parse(i.GetAttribute("value")!)).Order());
        Assert.Equal("2 observations trouvées pour « cartographie ».", fragment.QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Posting_an_observation_the_person_may_not_see_is_refused_next_to_the_field_and_nothing_is_linked()
    {
        var (visible, hidden) = await Portal.Seed(s => (s.Observation("Atelier validé"), s.Observation("Brouillon d'une autre structure", status: ObservationStatus.Draft)));
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var editor = await client.OpenEditor("retour-cartographie");

        using var response = await client.Save(editor, "Retour cartographie", Markdown,
            more: [("Input.ObservationIds", visible.Id.ToString()), ("Input.ObservationIds", hidden.Id.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        var fieldset = page.QuerySelector("fieldset#Input_ObservationIds")!;
        Assert.Contains("Input_ObservationIds-error", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal($"L'observation n° {hidden.Id} n'existe pas ou vous n'y avez pas accès : elle ne peut pas être liée. Décochez-la ou choisissez-en une autre.",
            fieldset.QuerySelector("#Input_ObservationIds-error")!.Text());
        // The draft's title is not revealed; the visible one stays ticked.
        Assert.DoesNotContain("Brouillon d'une autre structure", page.Body!.TextContent);
        Assert.Equal([visible.Id], Linked(page));
        Assert.Equal(0, await Portal.Db(db => db.WikiPages.CountAsync()));

        using var searched = await Search(client, editor, "atelier", ("Input.ObservationIds", hidden.Id.ToString()));
        Assert.Contains($"n° {hidden.Id}", (await searched.ReadHtml()).QuerySelector("#Input_ObservationIds-error")!.Text());
    }

    [Fact]
    public async Task Searching_keeps_everything_typed_and_the_revision_the_editor_started_from()
    {
        var observation = await Portal.Seed(s => s.Observation("Atelier cartographie au Sanitas"));
        await Portal.Page("Retour cartographie", "## Contexte\n\nVersion 1.");
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var editor = await client.OpenEditor("retour-cartographie");
        // Someone saves meanwhile: the form must still say it started from the revision it was opened on.
        await Portal.Db(async db => await WikiStore.SaveRevisionAsync(db, await db.WikiPages.SingleAsync(), "Retour cartographie",
            "## Contexte\n\nVersion 2.", null, null, DateTime.UtcNow, default));
        var typed = "## Contexte\n\nNotre texte <b>tapé</b> à garder.\r\n\r\n- point";

        using var response = await client.Save(editor, "Titre tapé « à garder »", typed, type: "ExperienceReport", handler: "Observations",
            more: [("Input.ObservationQuery", "cartographie"), ("Input.Comment", "Résumé tapé"), ("Input.Categories", "emploi, cartes")]);

        var page = await response.ReadHtml();
        var form = (IHtmlFormElement)page.QuerySelector("form.wiki-edit")!;
        string Value(string name) => form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == name && i.Type != "radio").Value;
        Assert.Equal("Titre tapé « à garder »", Value("Input.Title"));
        Assert.Equal(typed.Replace("\r\n", "\n"), ((IHtmlTextAreaElement)form.QuerySelector("textarea[name='Input.Markdown']")!).Value.Replace("\r\n", "\n"));
        Assert.Equal(editor.BaseRevision, Value("Input.BaseRevision"));
        Assert.Equal("1", editor.BaseRevision);
        Assert.Equal("Résumé tapé", Value("Input.Comment"));
        Assert.Equal("emploi, cartes", Value("Input.Categories"));
        Assert.Equal("cartographie", Value("Input.ObservationQuery"));
        Assert.True(form.QuerySelector("input[name='Input.Type'][value='ExperienceReport']")!.HasAttribute("checked"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        // « Enregistrer » then saves: the form does not post to the address of the search it came back from.
        Assert.Equal("/wiki/retour-cartographie/modifier", form.GetAttribute("action"));
        Assert.Equal([observation.Id], Offered(page));
        Assert.Null(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Saving_links_the_ticked_observations_and_each_observation_page_then_lists_the_report()
    {
        var (first, second, dropped) = await Portal.Seed(s => (s.Observation("Atelier cartographie"), s.Observation("Atelier cartes"), s.Observation("Ancien lien")));
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var editor = await client.OpenEditor("retour-cartographie");

        using var searched = await Search(client, editor, "atelier", ("Input.ObservationIds", dropped.Id.ToString()));
        Assert.Equal([dropped.Id], Linked(await searched.ReadHtml()));
        using var saved = await client.Save(editor, "Retour cartographie", Markdown, type: "ExperienceReport",
            more: [("Input.ObservationIds", first.Id.ToString()), ("Input.ObservationIds", second.Id.ToString())]);

        saved.AssertRedirectTo("/wiki/retour-cartographie");
        foreach (var id in new[] { first.Id, second.Id })
        {
            var shown = await client.GetHtml($"/observations/{id}");
            Assert.Contains(shown.QuerySelectorAll("#retours ~ ul a"), a => a.GetAttribute("href") == "/wiki/retour-cartographie");
        }
        var reopened = await client.GetHtml("/wiki/retour-cartographie/modifier");
        Assert.Equal(new[] { first.Id, second.Id }.Order(), Linked(reopened).Order());
        Assert.Empty((await client.GetHtml($"/observations/{dropped.Id}")).QuerySelectorAll("#retours ~ ul a"));
    }

    [Fact]
    public async Task A_stored_link_to_an_observation_the_editor_may_not_see_is_kept_and_not_shown()
    {
        var (visible, hidden) = await Portal.Seed(s => (s.Observation("Atelier validé"), s.Observation("Brouillon d'une autre structure", status: ObservationStatus.Draft)));
        await Portal.Page("Retour cartographie", Markdown, type: WikiPageType.ExperienceReport);
        await Portal.Db(async db =>
        {
            var page = await db.WikiPages.Include(p => p.Observations).SingleAsync();
            page.Observations = await db.Observations.ToListAsync();
            await db.SaveChangesAsync();
        });
        var client = await Portal.SignedInAs(Roles.Contributeur);

        var form = await client.GetHtml("/wiki/retour-cartographie/modifier");
        Assert.Equal([visible.Id], Linked(form));
        Assert.Contains("Une autre observation liée, que vous ne pouvez pas consulter, reste liée.", form.QuerySelector(".observation-picker")!.Text());
        Assert.DoesNotContain("Brouillon d'une autre structure", form.Body!.TextContent);

        using var saved = await client.Save(await client.OpenEditor("retour-cartographie"), "Retour cartographie", Markdown + "\n\nSuite.", type: "ExperienceReport");

        saved.AssertRedirectTo("/wiki/retour-cartographie");
        var links = await Portal.Db(db => db.WikiPages.SelectMany(p => p.Observations.Select(o => o.Id)).ToListAsync());
        Assert.Equal([hidden.Id], links);
    }
}
