using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Wiki;

// Not "Directory": that name would shadow System.IO.Directory across the test assembly.
namespace Observatoire.IntegrationTests.Annuaire;

public class ToolTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Merging_two_tools_keeps_every_observation_without_duplicate_links()
    {
        var world = await ObservationWorld.Create(Portal);
        var duplicate = await world.Seed(Portal, s =>
        {
            var jitsi = s.Tool("Jitsi", "Communication et messagerie", status: ToolStatus.Pending);
            s.Observation("Avec le doublon seul", world.Ours, tools: [jitsi]);
            s.Observation("Avec les deux écritures", world.Ours, tools: [jitsi, world.Jitsi]);
            s.Observation("Avec l'outil gardé", world.Theirs, tools: [world.Jitsi, world.Nextcloud]);
            s.Observation("Sans rapport", world.Theirs, tools: [world.Nextcloud]);
            return jitsi;
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/outils/{duplicate.Slug}/fusionner?cible={world.Jitsi.Id.ToString()}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/annuaire/outils/{world.Jitsi.Slug}", response.Headers.Location!.OriginalString);
        var links = await Portal.Db(db => db.Observations.OrderBy(o => o.Title)
            .Select(o => new { o.Title, Tools = o.Tools.OrderBy(t => t.Name).Select(t => t.Name).ToList() }).ToListAsync());
        Assert.Equal(4, links.Count);
        Assert.Equal(["Jitsi Meet"], links.Single(l => l.Title == "Avec le doublon seul").Tools);
        Assert.Equal(["Jitsi Meet"], links.Single(l => l.Title == "Avec les deux écritures").Tools);
        Assert.Equal(["Jitsi Meet", "Nextcloud"], links.Single(l => l.Title == "Avec l'outil gardé").Tools);
        Assert.Equal(["Nextcloud"], links.Single(l => l.Title == "Sans rapport").Tools);
        Assert.False(await Portal.Db(db => db.DigitalTools.AnyAsync(t => t.Id == duplicate.Id)));
        Assert.Equal(2, await Portal.Db(db => db.ObservationChanges.CountAsync(c => c.Kind == ObservationChangeKind.Merged)));
        var page = await coordination.GetHtml($"/annuaire/outils/{world.Jitsi.Slug}");
        Assert.Contains("3 observations validées", page.QuerySelector(".figures")!.Text());
    }

    [Fact]
    public async Task Merging_a_tool_moves_its_experience_reports_to_the_kept_tool()
    {
        var world = await ObservationWorld.Create(Portal);
        var duplicate = await world.Seed(Portal, s => s.Tool("Jitsi", "Communication et messagerie", status: ToolStatus.Pending));
        var pageId = await Portal.Page("Visios avec Jitsi au centre social", "Nous avons testé la visio.", type: WikiPageType.ExperienceReport);
        await Portal.Db(async db =>
        {
            var page = await db.WikiPages.Include(p => p.Tools).SingleAsync(p => p.Id == pageId);
            page.Tools.Add(await db.DigitalTools.SingleAsync(t => t.Id == duplicate.Id));
            await db.SaveChangesAsync();
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/outils/{duplicate.Slug}/fusionner?cible={world.Jitsi.Id.ToString()}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([world.Jitsi.Id], await Portal.Db(db => db.WikiPages.Where(p => p.Id == pageId).SelectMany(p => p.Tools.Select(t => t.Id)).ToListAsync()));
        var toolPage = await Portal.CreateClient().GetHtml($"/annuaire/outils/{world.Jitsi.Slug}");
        Assert.Contains("Visios avec Jitsi au centre social", toolPage.QuerySelector("#retours-experience")!.ParentElement!.TextContent);
    }

    [Theory]
    [InlineData(Roles.Contributeur)]
    [InlineData(Roles.Partenaire)]
    public async Task Only_coordination_merges_tools(string role)
    {
        var world = await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(role);
        var token = (await client.GetHtml("/compte")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.PostAsync($"/annuaire/outils/{world.Jitsi.Slug}/fusionner", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["cible"] = world.Nextcloud.Id.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, await Portal.Db(db => db.DigitalTools.CountAsync()));
    }

    [Fact]
    public async Task A_tool_page_shows_anonymous_visitors_structures_and_counts_but_no_observation_text()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s => new[]
        {
            s.Observation("Titre confidentiel validé", world.Ours, tools: [world.Nextcloud], observedOn: new DateOnly(2026, 2, 3),
                description: "Texte libre de terrain"),
            s.Observation("Autre séance", world.Theirs, tools: [world.Nextcloud], observedOn: new DateOnly(2026, 2, 20)),
            s.Observation("Brouillon en cours", world.Theirs, tools: [world.Nextcloud], status: ObservationStatus.Draft),
        });
        var anonymous = Portal.CreateClient();

        var page = await anonymous.GetHtml($"/annuaire/outils/{world.Nextcloud.Slug}");

        var main = page.QuerySelector("main")!.Text();
        Assert.Contains("Centre social Pluriel", main);
        Assert.Contains("Association Rabière Numérique", main);
        Assert.Contains("2 observations validées", main);
        Assert.Contains("février 2026", page.QuerySelector(".month-table")!.Text());
        Assert.DoesNotContain("Titre confidentiel", main);
        Assert.DoesNotContain("Texte libre", main);
        Assert.Empty(page.QuerySelectorAll("a[href^='/observations']"));

        var member = await Portal.SignedInAs(Roles.Partenaire);
        Assert.Contains("Titre confidentiel validé", (await member.GetHtml($"/annuaire/outils/{world.Nextcloud.Slug}")).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task A_proposed_tool_is_hidden_from_the_public_until_coordination_lists_it()
    {
        var pending = await Portal.Seed(s => s.Tool("Canva", "Publication et site web", "Propriétaire", ToolStatus.Pending));
        var anonymous = Portal.CreateClient();
        await anonymous.GetHtml($"/annuaire/outils/{pending.Slug}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Canva", (await anonymous.GetHtml("/annuaire/outils")).QuerySelector("main")!.Text());

        var coordination = await Portal.SignedInAs(Roles.Coordination);
        Assert.Contains("Canva", (await coordination.GetHtml("/annuaire/outils?statut=en-attente")).QuerySelector("main")!.Text());
        using var response = await coordination.PostMainForm($"/annuaire/outils/{pending.Slug}", new Dictionary<string, string>(),
            "main form[action*='handler=Referencer']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await anonymous.GetHtml($"/annuaire/outils/{pending.Slug}");
    }

    [Fact]
    public async Task Coordination_adds_a_tool_and_a_duplicate_name_is_refused()
    {
        var (nextcloud, procedures) = await Portal.Seed(s => (s.Tool("Nextcloud"), s.Category("Démarches en ligne")));
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var duplicate = await coordination.PostMainForm("/annuaire/outils/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "nextcloud", ["Input.CategoryId"] = nextcloud.CategoryId.ToString()!,
            ["Input.LicenceId"] = nextcloud.LicenceId.ToString()!, ["Input.Status"] = nameof(ToolStatus.Listed),
        });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("déjà ce nom", (await duplicate.ReadHtml()).QuerySelector("#Input_Name-erreur")!.Text());

        using var created = await coordination.PostMainForm("/annuaire/outils/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "Démarches simplifiées", ["Input.CategoryId"] = procedures.Id.ToString(),
            ["Input.LicenceId"] = nextcloud.LicenceId.ToString()!, ["Input.Status"] = nameof(ToolStatus.Listed),
            ["Input.Website"] = "https://www.demarches-simplifiees.fr",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/annuaire/outils/demarches-simplifiees", created.Headers.Location!.OriginalString);
    }
}
