using Observatoire.IntegrationTests.Observations;

// Not "Directory": that name would shadow System.IO.Directory across the test assembly.
namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>The merge page as Coordination uses it: what will move, then the merge, then the old addresses.</summary>
public class MergePageTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_confirmation_says_what_will_move_and_nothing_moves_before_it()
    {
        var world = await LinkedWorld.SeedAsync(Portal);
        var (etherpad, framapad) = world.Pairs[typeof(DigitalTool)];
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var page = await coordination.GetHtml($"/annuaire/outils/etherpad/fusionner?cible={framapad}");

        var confirmation = page.QuerySelector("section[aria-labelledby=confirmation-titre]")!.Text();
        // Etherpad: 2 observations (one already has Framapad), 1 report (already with Framapad), 1 event (idem),
        // 1 watch item, 2 survey answers (one respondent also named Framapad).
        Assert.Contains("1 observation(s)", confirmation);
        Assert.Contains("1 élément(s) de veille", confirmation);
        Assert.Contains("1 réponse(s) d'enquête", confirmation);
        Assert.Contains("4 liens existaient déjà", confirmation);
        Assert.True(await Portal.Db(db => db.DigitalTools.AnyAsync(t => t.Id == etherpad)));
    }

    [Fact]
    public async Task Merging_a_tool_keeps_its_watch_event_and_survey_links_and_its_address_and_history()
    {
        var world = await LinkedWorld.SeedAsync(Portal);
        var (etherpad, framapad) = world.Pairs[typeof(DigitalTool)];
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        await Portal.Db(async db =>
        {
            await db.DigitalTools.Where(t => t.Id == etherpad).ExecuteUpdateAsync(u => u.SetProperty(t => t.Website, "https://etherpad.org"));
            db.DirectoryChanges.Add(new DirectoryChange
            {
                RecordKind = DirectoryRecordKind.Tool, RecordId = etherpad, Kind = DirectoryChangeKind.Created, Field = "Fiche créée",
                After = "Etherpad", At = DateTime.UtcNow.AddDays(-30), UserName = "Camille Roy",
            });
            await db.SaveChangesAsync();
        });

        using var response = await coordination.PostMainForm($"/annuaire/outils/etherpad/fusionner?cible={framapad}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/annuaire/outils/framapad", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await Portal.Db(db => db.WatchItems.CountAsync(w => w.Tools.Any(t => t.Id == framapad))));
        Assert.Equal(1, await Portal.Db(db => db.Events.CountAsync(e => e.Tools.Any(t => t.Id == framapad))));
        Assert.Equal(2, await Portal.Db(db => db.Answers.CountAsync(a => a.ToolId == framapad)));
        Assert.Equal("https://etherpad.org", await Portal.Db(db => db.DigitalTools.Where(t => t.Id == framapad).Select(t => t.Website).SingleAsync()));
        // The old address and its history lead to the kept tool, whose history shows the duplicate's.
        using var oldPage = await Portal.CreateClient().GetAsync("/annuaire/outils/etherpad");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/annuaire/outils/framapad"), (oldPage.StatusCode, oldPage.Headers.Location!.OriginalString));
        using var oldHistory = await coordination.GetAsync("/annuaire/outils/etherpad/historique");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/annuaire/outils/framapad/historique"),
            (oldHistory.StatusCode, oldHistory.Headers.Location!.OriginalString));
        var history = (await coordination.GetHtml("/annuaire/outils/framapad/historique")).Body!.Text();
        Assert.Contains("Doublon fusionné", history);
        Assert.Contains("https://etherpad.org", history);
        Assert.Contains("Camille Roy", history);
    }

    [Fact]
    public async Task Merging_a_structure_moves_its_members_accounts_and_observations()
    {
        var world = await LinkedWorld.SeedAsync(Portal);
        var (twice, kept) = world.Pairs[typeof(Structure)];
        var slug = await Portal.Db(db => db.Structures.Where(s => s.Id == twice).Select(s => s.Slug).SingleAsync());
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/structures/{slug}/fusionner?cible={kept}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await Portal.Db(db => db.Observations.CountAsync(o => o.StructureId == twice)));
        Assert.Equal(2, await Portal.Db(db => db.StructureMemberships.CountAsync(m => m.StructureId == kept)));
        // Léa was a member of both: she keeps the kept structure's role.
        Assert.Equal("Animatrice", await Portal.Db(db => db.StructureMemberships.Where(m => m.StructureId == kept && m.Actor.FullName == "Léa Martin")
            .Select(m => m.Role).SingleAsync()));
        Assert.Equal(2, await Portal.Db(db => db.Users.CountAsync(u => u.Structures.Any(s => s.Id == kept))));
    }

    [Fact]
    public async Task A_territory_merged_into_its_own_quartier_is_refused_with_a_message()
    {
        var (tours, sanitas) = await Portal.Seed(s =>
        {
            var c = s.Territory("Tours");
            return (c, s.Quartier("Sanitas", c));
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var token = (await coordination.GetHtml("/compte")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await coordination.PostAsync($"/annuaire/territoires/{tours.Slug}/fusionner", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["cible"] = sanitas.Id.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dépend de celle à fusionner", (await response.ReadHtml()).QuerySelector("#cible-erreur")!.Text());
        Assert.Equal(2, await Portal.Db(db => db.Territories.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.Contributeur)]
    [InlineData(Roles.Partenaire)]
    public async Task Only_coordination_merges(string role)
    {
        var (a, b) = await Portal.Seed(s => (s.Tool("Etherpad"), s.Tool("Framapad")));
        var client = await Portal.SignedInAs(role);
        var token = (await client.GetHtml("/compte")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var page = await client.GetAsync($"/annuaire/outils/{a.Slug}/fusionner?cible={b.Id}");
        using var post = await client.PostAsync($"/annuaire/outils/{a.Slug}/fusionner", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["cible"] = b.Id.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(2, await Portal.Db(db => db.DigitalTools.CountAsync()));
    }
}
