using Observatoire.IntegrationTests.Observations;

// Not "Directory": that name would shadow System.IO.Directory across the test assembly.
namespace Observatoire.IntegrationTests.Annuaire;

public class StructureTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_contributor_edits_their_own_structure_but_not_another()
    {
        var world = await ObservationWorld.Create(Portal);
        var contributor = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);

        using var own = await contributor.PostMainForm($"/annuaire/structures/{world.Ours.Slug}/modifier", new Dictionary<string, string>
        {
            ["Input.Name"] = "Centre social Pluriel", ["Input.KindId"] = world.Ours.KindId.ToString()!,
            ["Input.Description"] = "Ateliers numériques chaque mardi.",
        });
        using var other = await contributor.GetAsync($"/annuaire/structures/{world.Theirs.Slug}/modifier");
        using var create = await contributor.GetAsync("/annuaire/structures/nouvelle");

        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal("Ateliers numériques chaque mardi.", await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id).Select(s => s.Description).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Merging_two_structures_moves_observations_members_and_accounts()
    {
        var world = await ObservationWorld.Create(Portal);
        var (duplicate, actor) = await world.Seed(Portal, s =>
        {
            var dup = s.Structure("CS Pluriel", world.Sanitas);
            var lea = s.Actor("Léa Martin");
            lea.Memberships.Add(new StructureMembership { Structure = dup, Role = "Animatrice numérique" });
            lea.Memberships.Add(new StructureMembership { Structure = world.Ours, Role = "Animatrice" });
            s.Observation("Chez le doublon", dup);
            s.Observation("Chez l'original", world.Ours);
            return (dup, lea);
        });
        var user = await Portal.CreateUser(Roles.Contributeur, duplicate.Id);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/structures/{duplicate.Slug}/fusionner?cible={world.Ours.Id.ToString()}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await Portal.Db(db => db.Observations.CountAsync(o => o.StructureId == world.Ours.Id)));
        Assert.False(await Portal.Db(db => db.Structures.AnyAsync(s => s.Id == duplicate.Id)));
        Assert.Equal("Animatrice", await Portal.Db(db => db.StructureMemberships.Where(m => m.ActorId == actor.Id).Select(m => m.Role).SingleAsync()));
        Assert.Equal([world.Ours.Id], await Portal.Db(db => db.Users.Where(u => u.Id == user.Id).SelectMany(u => u.Structures.Select(s => s.Id)).ToListAsync()));
    }

    [Fact]
    public async Task People_and_their_contact_details_are_for_members_only()
    {
        var world = await ObservationWorld.Create(Portal);
        var actor = await world.Seed(Portal, s =>
        {
            var lea = s.Actor("Léa Martin");
            lea.Email = "lea.martin@exemple.fr";
            lea.Phone = "02 47 00 00 00";
            lea.Memberships.Add(new StructureMembership { Structure = world.Ours, Role = "Animatrice numérique" });
            return lea;
        });
        var anonymous = Portal.CreateClient();

        var publicPage = await anonymous.GetHtml($"/annuaire/structures/{world.Ours.Slug}");
        using var actorPage = await anonymous.GetAsync($"/annuaire/acteurs/{actor.Slug}");
        using var actors = await anonymous.GetAsync("/annuaire/acteurs");

        Assert.DoesNotContain("Léa Martin", publicPage.QuerySelector("main")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, actorPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, actors.StatusCode);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        Assert.Contains("Léa Martin", (await member.GetHtml($"/annuaire/structures/{world.Ours.Slug}")).QuerySelector("main")!.Text());
        var details = (await member.GetHtml($"/annuaire/acteurs/{actor.Slug}")).QuerySelector("main")!.Text();
        Assert.Contains("lea.martin@exemple.fr", details);
        Assert.Contains("02 47 00 00 00", details);
    }

    [Fact]
    public async Task The_public_directory_searches_structures_with_accents_ignored()
    {
        await ObservationWorld.Create(Portal);
        var anonymous = Portal.CreateClient();

        var page = await anonymous.GetHtml("/annuaire/structures?q=rabiere");

        var names = page.QuerySelectorAll("main .list-plain li strong").Select(e => e.Text()).ToList();
        Assert.Equal(["Association Rabière Numérique"], names);
    }

    [Fact]
    public async Task The_kind_filter_takes_the_kinds_slug_and_still_reads_its_former_address()
    {
        var socialCentre = await Portal.Seed(s =>
        {
            var tours = s.Territory();
            s.Structure("Mairie de Tours", tours, "Collectivité");
            return s.Structure("Centre social Pluriel", tours, "Centre social").Kind!;
        });
        // The ReferenceTables migration keeps the addresses that named a kind by its stored text (?type=CentreSocial).
        await Portal.Seed(s => s.Add(new SlugAlias { Entity = nameof(StructureKind), Slug = "centresocial", TargetId = socialCentre.Id }));
        var anonymous = Portal.CreateClient();

        var form = await anonymous.GetHtml("/annuaire/structures");
        Assert.Equal("centre-social", form.QuerySelectorAll("select#type option").Single(o => o.Text() == "Centre social").GetAttribute("value"));
        foreach (var address in new[] { "/annuaire/structures?type=centre-social", "/annuaire/structures?type=CentreSocial" })
        {
            var page = await anonymous.GetHtml(address);

            Assert.Equal(["Centre social Pluriel"], page.QuerySelectorAll("main .list-plain li strong").Select(e => e.Text()));
            Assert.NotNull(page.QuerySelector("select#type option[value='centre-social'][selected]"));
        }
        Assert.Empty((await anonymous.GetHtml("/annuaire/structures?type=inconnu")).QuerySelectorAll("main .list-plain li"));
    }

    [Theory]
    [InlineData("https://exa<script>mple.org/")]
    [InlineData("https://exemple .org/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://exemple.org/")]
    public async Task A_website_a_page_could_not_show_is_refused_at_input(string website)
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/structures/{world.Ours.Slug}/modifier", new Dictionary<string, string>
        {
            ["Input.Name"] = "Centre social Pluriel", ["Input.KindId"] = world.Ours.KindId.ToString()!, ["Input.Website"] = website,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("commence par https://", (await response.ReadHtml()).QuerySelector("#Input_Website-erreur")!.Text());
        Assert.Null(await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id).Select(s => s.Website).SingleAsync()));
    }

    [Fact]
    public async Task A_website_accepted_at_input_is_shown_as_a_link()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/structures/{world.Ours.Slug}/modifier", new Dictionary<string, string>
        {
            ["Input.Name"] = "Centre social Pluriel", ["Input.KindId"] = world.Ours.KindId.ToString()!,
            ["Input.Website"] = "https://centre-pluriel.exemple.fr/ateliers?jour=mardi",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Portal.CreateClient().GetHtml($"/annuaire/structures/{world.Ours.Slug}");
        Assert.Equal("https://centre-pluriel.exemple.fr/ateliers?jour=mardi", page.QuerySelector("main dd a[rel~=nofollow]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_nul_character_is_refused_next_to_its_field_with_its_position_and_the_other_fields_are_kept()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/annuaire/structures/{world.Ours.Slug}/modifier", new Dictionary<string, string>
        {
            ["Input.Name"] = "Centre\u0000social", ["Input.KindId"] = world.Ours.KindId.ToString()!,
            ["Input.Description"] = "Ateliers numériques chaque mardi.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Contains("(U+0000, position 7)", page.QuerySelector("#Input_Name-erreur")!.Text());
        Assert.Equal("Ateliers numériques chaque mardi.", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("[name='Input.Description']")!).Value);
        Assert.Equal(world.Ours.Name, await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id).Select(s => s.Name).SingleAsync()));
    }
}
