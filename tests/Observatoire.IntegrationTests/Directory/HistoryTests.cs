using Observatoire.IntegrationTests.Observations;

namespace Observatoire.IntegrationTests.Annuaire;

public class HistoryTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>The history table's rows as (field, before, after), newest entry first.</summary>
    private static List<(string Field, string Before, string After)> Rows(IDocument page) =>
        page.QuerySelectorAll("main ol.history tbody tr")
            .Select(r => (r.QuerySelector("th")!.Text(), r.QuerySelectorAll("td")[0].Text(), r.QuerySelectorAll("td")[1].Text()))
            .ToList();

    [Fact]
    public async Task Editing_a_structures_address_shows_before_after_and_who_in_its_history()
    {
        var world = await ObservationWorld.Create(Portal);
        await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Address, "12 rue Bernard Palissy")));
        var user = await Portal.CreateUser(Roles.Contributeur, world.Ours.Id);
        var contributor = await Portal.SignIn(user.Email!);

        using var saved = await contributor.PostMainForm($"/annuaire/structures/{world.Ours.Slug}/modifier",
            new Dictionary<string, string>
            {
                ["Input.Name"] = world.Ours.Name, ["Input.KindId"] = world.Ours.KindId.ToString()!,
                ["Input.TerritoryId"] = world.Sanitas.Id.ToString(), ["Input.Address"] = "3 place Saint-Paul",
            });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = await contributor.GetHtml($"/annuaire/structures/{world.Ours.Slug}");
        Assert.NotNull(detail.QuerySelector($"main a[href='/annuaire/structures/{world.Ours.Slug}/historique']"));
        var history = await contributor.GetHtml($"/annuaire/structures/{world.Ours.Slug}/historique");
        Assert.Equal([("Adresse", "12 rue Bernard Palissy", "3 place Saint-Paul")], Rows(history));
        var heading = history.QuerySelector("main ol.history h2")!.Text();
        Assert.StartsWith("Modification", heading);
        Assert.Contains(user.DisplayName, heading);
        Assert.Equal(user.Id, await Portal.Db(db => db.DirectoryChanges.Select(c => c.UserId).SingleAsync()));
    }

    [Fact]
    public async Task Creating_a_tool_records_one_creation_row()
    {
        var category = await Portal.Seed(s => s.Category("Travail collaboratif"));
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var created = await coordination.PostMainForm("/annuaire/outils/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "Framadate", ["Input.CategoryId"] = category.Id.ToString(),
            ["Input.Description"] = "Sondages de dates.",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tool = await Portal.Db(db => db.DigitalTools.Where(t => t.Name == "Framadate").Select(t => new { t.Id, t.Slug }).SingleAsync());
        var change = await Portal.Db(db => db.DirectoryChanges.SingleAsync());
        Assert.Equal((DirectoryRecordKind.Tool, tool.Id, DirectoryChangeKind.Created), (change.RecordKind, change.RecordId, change.Kind));
        var history = await coordination.GetHtml($"/annuaire/outils/{tool.Slug}/historique");
        Assert.Equal([("Fiche créée", "", "Framadate")], Rows(history));
        Assert.StartsWith("Création", history.QuerySelector("main ol.history h2")!.Text());
    }

    [Fact]
    public async Task Referencing_a_pending_tool_records_its_new_status()
    {
        var pending = await Portal.Seed(s => s.Tool("Canva", "Publication et site web", "Propriétaire", ToolStatus.Pending));
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/outils/{pending.Slug}", new Dictionary<string, string>(),
            "main form[action*='handler=Referencer']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([("Statut", "En attente", "Référencé")], Rows(await coordination.GetHtml($"/annuaire/outils/{pending.Slug}/historique")));
    }

    [Fact]
    public async Task A_tool_merge_appears_in_the_kept_tools_history()
    {
        var world = await ObservationWorld.Create(Portal);
        var duplicate = await world.Seed(Portal, s =>
        {
            var jitsi = s.Tool("Jitsi", "Communication et messagerie");
            jitsi.Website = "https://jitsi.org";
            return jitsi;
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var merged = await coordination.PostMainForm($"/annuaire/outils/{duplicate.Slug}/fusionner?cible={world.Jitsi.Id.ToString()}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var history = await coordination.GetHtml($"/annuaire/outils/{world.Jitsi.Slug}/historique");
        Assert.Equal([("Doublon fusionné", "Jitsi", "Jitsi Meet"), ("Site web", "", "https://jitsi.org")], Rows(history));
        Assert.StartsWith("Fusion", history.QuerySelector("main ol.history h2")!.Text());
    }

    [Fact]
    public async Task A_structure_merge_appears_on_the_kept_structure_and_on_the_people_it_moved()
    {
        var world = await ObservationWorld.Create(Portal);
        var (duplicate, actor) = await world.Seed(Portal, s =>
        {
            var dup = s.Structure("CS Pluriel", world.Sanitas);
            dup.Email = "contact@pluriel.fr";
            var lea = s.Actor("Léa Martin");
            lea.Memberships.Add(new StructureMembership { Structure = dup, Role = "Animatrice numérique" });
            return (dup, lea);
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var merged = await coordination.PostMainForm($"/annuaire/structures/{duplicate.Slug}/fusionner?cible={world.Ours.Id.ToString()}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var kept = await coordination.GetHtml($"/annuaire/structures/{world.Ours.Slug}/historique");
        Assert.Equal([("Doublon fusionné", "CS Pluriel", "Centre social Pluriel"), ("Courriel", "", "contact@pluriel.fr")], Rows(kept));
        var person = await coordination.GetHtml($"/annuaire/acteurs/{actor.Slug}/historique");
        Assert.Equal([("Rattachement", "CS Pluriel — Animatrice numérique", "Centre social Pluriel — Animatrice numérique")], Rows(person));
    }

    [Fact]
    public async Task Linking_renaming_and_removing_a_membership_appear_in_the_persons_history()
    {
        var (actor, structure) = await Portal.Seed(s => (s.Actor("Léa Martin"), s.Structure("Centre social du Sanitas")));
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var url = $"/annuaire/acteurs/{actor.Slug}";

        using var linked = await coordination.LinkToStructure(url, structure.Id, "animatrice numérique");
        using var renamed = await coordination.LinkToStructure(url, structure.Id, "coordinatrice");
        using var removed = await coordination.Unlink(url);

        Assert.All([linked, renamed, removed], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        // Any member reads a person's history, like the person's page.
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        Assert.NotNull((await partner.GetHtml(url)).QuerySelector($"main a[href='{url}/historique']"));
        var history = await partner.GetHtml($"{url}/historique");
        Assert.Equal(
        [
            ("Rattachement", "Centre social du Sanitas — coordinatrice", ""),
            ("Rattachement", "Centre social du Sanitas — animatrice numérique", "Centre social du Sanitas — coordinatrice"),
            ("Rattachement", "", "Centre social du Sanitas — animatrice numérique"),
        ], Rows(history));
    }

    [Fact]
    public async Task A_structures_history_is_for_those_who_may_edit_it()
    {
        var world = await ObservationWorld.Create(Portal);
        var own = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var url = $"/annuaire/structures/{world.Ours.Slug}/historique";

        using var anonymous = await Portal.CreateClient().GetAsync(url);
        using var ownStructure = await own.GetAsync(url);
        using var otherStructure = await own.GetAsync($"/annuaire/structures/{world.Theirs.Slug}/historique");
        using var tool = await own.GetAsync($"/annuaire/outils/{world.Jitsi.Slug}/historique");
        using var territory = await own.GetAsync($"/annuaire/territoires/{world.Sanitas.Slug}/historique");
        using var partnerView = await partner.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, ownStructure.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherStructure.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tool.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, territory.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerView.StatusCode);
    }

    [Fact]
    public async Task Editing_a_territory_records_the_changed_commune()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var saved = await coordination.PostMainForm($"/annuaire/territoires/{world.Sanitas.Slug}/modifier",
            new Dictionary<string, string> { ["Input.Name"] = "Sanitas", ["Input.ParentId"] = world.Rabiere.ParentId!.Value.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = await coordination.GetHtml($"/annuaire/territoires/{world.Sanitas.Slug}/historique");
        Assert.Equal([("Commune", "Tours", "Joué-lès-Tours")], Rows(history));
    }

    [Fact]
    public async Task A_long_history_is_paged_newest_first()
    {
        var actor = await Portal.Seed(s => s.Actor("Léa Martin"));
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        await Portal.Db(async db =>
        {
            db.DirectoryChanges.AddRange(Enumerable.Range(1, 60).Select(i => new DirectoryChange
            {
                RecordKind = DirectoryRecordKind.Actor, RecordId = actor.Id, Kind = DirectoryChangeKind.Edited,
                Field = "Fonction", Before = $"fonction {i - 1}", After = $"fonction {i}", At = start.AddMinutes(i), UserName = "Coordination",
            }));
            await db.SaveChangesAsync();
        });
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var first = await member.GetHtml($"/annuaire/acteurs/{actor.Slug}/historique");
        var second = await member.GetHtml($"/annuaire/acteurs/{actor.Slug}/historique?page=2");

        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("fonction 60", Rows(first)[0].After);
        Assert.NotNull(first.QuerySelector("main nav.pagination a[rel=next]"));
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => $"fonction {i}"), Rows(second).Select(r => r.After));
    }

    [Fact]
    public async Task A_history_entry_shows_the_Paris_hour_and_the_page_names_the_record()
    {
        var tool = await Portal.Seed(s => s.Tool("uMap"));
        await Portal.Db(db =>
        {
            // 10 h 18 UTC on 1 July is 12 h 18 in Paris (summer time); the server and this machine run in UTC.
            db.DirectoryChanges.Add(new DirectoryChange
            {
                RecordKind = DirectoryRecordKind.Tool, RecordId = tool.Id, Kind = DirectoryChangeKind.Edited, Field = "Site web",
                After = "https://umap.openstreetmap.fr", At = new DateTime(2026, 7, 1, 10, 18, 0, DateTimeKind.Utc), UserName = "Léa Martin",
            });
            return db.SaveChangesAsync();
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var history = await coordination.GetHtml($"/annuaire/outils/{tool.Slug}/historique");

        Assert.Contains("1er juillet 2026 à 12 h 18", history.QuerySelector("main ol.history h2")!.Text());
        Assert.Equal("Historique — uMap — Observatoire", history.Title);
    }
}
