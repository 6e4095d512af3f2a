using Observatoire.IntegrationTests.Observations;

namespace Observatoire.IntegrationTests.Annuaire;

public class ActorTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Coordination_links_a_person_to_a_structure_changes_the_role_and_removes_it()
    {
        var (actor, structure) = await Portal.Seed(s => (s.Actor("Léa Martin"), s.Structure("Centre social du Sanitas")));
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var url = $"/annuaire/acteurs/{actor.Slug}";

        using var linked = await coordination.LinkToStructure(url, structure.Id, "animatrice numérique");
        using var renamed = await coordination.LinkToStructure(url, structure.Id, "coordinatrice");

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var roles = await Portal.Db(db => db.StructureMemberships.Where(m => m.ActorId == actor.Id).Select(m => m.Role).ToListAsync());
        Assert.Equal(["coordinatrice"], roles);
        Assert.Contains("coordinatrice", (await coordination.GetHtml(url)).QuerySelector("main")!.TextContent);

        using var removed = await coordination.Unlink(url);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await Portal.Db(db => db.StructureMemberships.AnyAsync(m => m.ActorId == actor.Id)));
    }

    [Fact]
    public async Task A_missing_role_is_said_next_to_the_field_and_the_choice_is_kept()
    {
        var (actor, structure) = await Portal.Seed(s => (s.Actor("Léa Martin"), s.Structure("Centre social du Sanitas")));
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.LinkToStructure($"/annuaire/acteurs/{actor.Slug}", structure.Id, role: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Indiquez le rôle de la personne", html);
        Assert.Contains($"<option value=\"{structure.Id}\" selected=\"selected\">", html);
        Assert.False(await Portal.Db(db => db.StructureMemberships.AnyAsync()));
    }

    [Theory]
    [InlineData(Roles.Contributeur)]
    [InlineData(Roles.Partenaire)]
    public async Task Only_coordination_links_people_to_structures(string role)
    {
        var (actor, structure) = await Portal.Seed(s => (s.Actor("Léa Martin"), s.Structure("Centre social du Sanitas")));
        var client = await Portal.SignedInAs(role);
        var token = (await client.GetHtml("/compte")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.PostAsync($"/annuaire/acteurs/{actor.Slug}?handler=Rattacher", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Membership.StructureId"] = structure.Id.ToString(), ["Membership.Role"] = "membre", ["__RequestVerificationToken"] = token,
            }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await Portal.Db(db => db.StructureMemberships.AnyAsync()));
    }
}
