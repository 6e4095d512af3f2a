using AngleSharp.Html.Dom;

namespace Observatoire.IntegrationTests.Observations;

public class CreateTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>The observation world, and a contributor of its structure « ours », signed in.</summary>
    private async Task<(ObservationWorld World, HttpClient Contributor)> ContributorOfOurs()
    {
        var world = await ObservationWorld.Create(Portal);
        return (world, await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id));
    }

    /// <summary>Sends the « nouvelle observation » form with these fields.</summary>
    private static Task<HttpResponseMessage> LogNew(HttpClient client, IEnumerable<KeyValuePair<string, string>> form) =>
        client.PostMainForm("/observations/nouvelle", form);

    [Fact]
    public async Task The_form_preselects_the_contributors_own_structure_and_reminds_not_to_name_beneficiaries()
    {
        var world = await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Contributeur, world.Theirs.Id);

        var page = await client.GetHtml("/observations/nouvelle");

        var selected = page.QuerySelector("select[name='Input.StructureId'] option[selected]");
        Assert.Equal(world.Theirs.Id.ToString(), selected?.GetAttribute("value"));
        Assert.Equal(world.Rabiere.Id.ToString(), page.QuerySelector("select[name='Input.TerritoryId'] option[selected]")?.GetAttribute("value"));
        Assert.Contains("Ne nommez aucun bénéficiaire", page.QuerySelector("main form")!.Text());
        // A contributor of one structure logs for that structure only.
        Assert.Single(page.QuerySelectorAll("select[name='Input.StructureId'] option[value]:not([value=''])"));
    }

    [Fact]
    public async Task A_contributor_submits_an_observation_and_it_waits_for_coordination()
    {
        var (world, client) = await ContributorOfOurs();

        using var response = await LogNew(client, world.Form("Atelier CV en ligne", "soumettre",
            ("Input.ToolIds", world.Nextcloud.Id.ToString()), ("Input.ToolIds", world.Jitsi.Id.ToString()),
            ("Input.AudienceIds", world.Jeunes.Id.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Portal.Db(db => db.Observations.Include(o => o.Tools).Include(o => o.Audiences).SingleAsync());
        Assert.Equal($"/observations/{saved.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(ObservationStatus.Submitted, saved.Status);
        Assert.Equal(world.Ours.Id, saved.StructureId);
        Assert.Equal(["Jitsi Meet", "Nextcloud"], saved.Tools.Select(t => t.Name).Order());
        Assert.Equal("Jeunes", Assert.Single(saved.Audiences).Name);
        Assert.NotNull(saved.CreatedById);
        var history = await Portal.Db(db => db.ObservationChanges.Where(c => c.ObservationId == saved.Id).Select(c => c.Kind).ToListAsync());
        Assert.Equal([ObservationChangeKind.Created, ObservationChangeKind.Submitted], history.Order());

        var queue = await (await Portal.SignedInAs(Roles.Coordination)).GetHtml("/observations/a-valider");
        Assert.Contains("Atelier CV en ligne", queue.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task Invalid_input_keeps_everything_typed_and_says_what_to_fix_next_to_the_field()
    {
        var (world, client) = await ContributorOfOurs();

        using var response = await LogNew(client, world.Form("",
            extra: [("Input.ParticipantsCount", "0"), ("Input.Description", "Déroulé détaillé à garder"), ("Input.ThemeIds", "")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Equal("true", page.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("Input_Title-erreur", page.QuerySelector("#Input_Title")!.GetAttribute("aria-describedby")!.Split(' ').Last());
        Assert.Contains("Donnez un titre", page.QuerySelector("#Input_Title-erreur")!.Text());
        Assert.Contains("entre 1 et 10 000", page.QuerySelector("#Input_ParticipantsCount-erreur")!.Text());
        Assert.Contains("au moins un thème", page.QuerySelector("#Input_ThemeIds-erreur")!.Text());
        Assert.Equal("Déroulé détaillé à garder", page.QuerySelector("#Input_Description")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"input[name='Input.ToolIds'][value='{world.Nextcloud.Id}'][checked]"));
        Assert.Equal(0, await Portal.Db(db => db.Observations.CountAsync()));
    }

    [Fact]
    public async Task A_tool_not_listed_yet_is_created_as_pending_for_coordination()
    {
        var (world, client) = await ContributorOfOurs();

        using var response = await LogNew(client,
            world.Form(extra: [("Input.ToolIds", ""), ("Input.NewTools", "Canva; Padlet")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tools = await Portal.Db(db => db.Observations.SelectMany(o => o.Tools)
            .Select(t => new { t.Name, t.Status, t.CategoryId, t.LicenceId }).ToListAsync());
        Assert.Equal(2, tools.Count);
        // Its category and licence stay unknown until Coordination checks it, rather than the first of each list.
        Assert.All(tools, t => Assert.True(t.Status == ToolStatus.Pending && t.CategoryId == null && t.LicenceId == null));
        Assert.Equal(["Canva", "Padlet"], tools.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task A_typed_name_of_a_known_tool_is_shown_ticked_and_attached_only_once_confirmed()
    {
        var (world, client) = await ContributorOfOurs();

        using var first = await LogNew(client, world.Form(extra: [("Input.ToolIds", ""), ("Input.NewTools", "Canva, NEXTCLOUD")]));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.ReadHtml();
        Assert.Contains("« NEXTCLOUD » est déjà connu sous le nom « Nextcloud »", page.QuerySelector("#Input_NewTools-erreur")!.Text());
        Assert.True(((IHtmlInputElement)page.QuerySelector($"input[name='Input.ToolIds'][value='{world.Nextcloud.Id}']")!).IsChecked);
        Assert.Equal("Canva", ((IHtmlInputElement)page.QuerySelector("input[name='Input.NewTools']")!).Value);
        Assert.Equal(0, await Portal.Db(db => db.Observations.CountAsync()));

        using var confirmed = await LogNew(client, world.Form(extra: [("Input.ToolIds", world.Nextcloud.Id.ToString()), ("Input.NewTools", "Canva")]));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(3, await Portal.Db(db => db.DigitalTools.CountAsync()));
    }

    [Theory]
    [InlineData("X", "trop court")]
    [InlineData("Outil au nom beaucoup trop long pour un nom d'outil qui dépasse largement les cent vingt caractères une fois qu'on a tout écrit jusqu'au bout du bout", "au plus 120")]
    [InlineData("a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11", "11 outils : 10 au plus")]
    public async Task A_typed_tool_name_out_of_bounds_is_refused_next_to_the_field_not_dropped(string typed, string said)
    {
        var (world, client) = await ContributorOfOurs();

        using var response = await LogNew(client, world.Form(extra: [("Input.NewTools", typed)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(said, (await response.ReadHtml()).QuerySelector("#Input_NewTools-erreur")!.Text());
        Assert.Equal(0, await Portal.Db(db => db.Observations.CountAsync()));
    }

    [Fact]
    public async Task The_new_tool_field_says_the_separators_it_splits_on_and_carries_the_models_bound()
    {
        var (_, client) = await ContributorOfOurs();

        var page = await client.GetHtml("/observations/nouvelle");

        Assert.Contains("virgules ou des points-virgules", page.QuerySelector("#nouvel-outil-aide")!.Text());
        Assert.Equal("300", page.QuerySelector("input[name='Input.NewTools']")!.GetAttribute("maxlength"));
    }

    [Fact]
    public async Task A_contributor_cannot_log_for_a_structure_they_do_not_belong_to()
    {
        var (world, client) = await ContributorOfOurs();

        using var response = await LogNew(client,
            world.Form(extra: [("Input.StructureId", world.Theirs.Id.ToString())]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("une de vos structures", (await response.ReadHtml()).QuerySelector("#Input_StructureId-erreur")!.Text());
        Assert.Equal(0, await Portal.Db(db => db.Observations.CountAsync()));
    }

    [Fact]
    public async Task The_description_is_rendered_from_markdown_without_any_script()
    {
        var (world, client) = await ContributorOfOurs();
        using var response = await LogNew(client, world.Form(extra:
            [("Input.Description", "Un **atelier** réussi <script>alert(1)</script> [lien](javascript:alert(2))")]));

        var page = await client.GetHtml(response.Headers.Location!.OriginalString);

        var prose = page.QuerySelector(".prose")!;
        Assert.Equal("atelier", prose.QuerySelector("strong")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.DoesNotContain("javascript:", prose.InnerHtml);
    }
}
