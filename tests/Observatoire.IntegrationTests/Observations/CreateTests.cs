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
            world.Form(extra: [("Input.ToolIds", ""), ("Input.NewTools", "Canva, nextcloud")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tools = await Portal.Db(db => db.Observations.SelectMany(o => o.Tools)
            .Select(t => new { t.Name, t.Status, t.CategoryId, t.LicenceId }).ToListAsync());
        Assert.Equal(2, tools.Count);
        // Its category and licence stay unknown until Coordination checks it, rather than the first of each list.
        Assert.Contains(tools, t => t.Name == "Canva" && t.Status == ToolStatus.Pending && t.CategoryId == null && t.LicenceId == null);
        // A name that matches a listed tool links that tool instead of creating a duplicate.
        Assert.Contains(tools, t => t.Name == "Nextcloud" && t.Status == ToolStatus.Listed);
        Assert.Equal(3, await Portal.Db(db => db.DigitalTools.CountAsync()));
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
