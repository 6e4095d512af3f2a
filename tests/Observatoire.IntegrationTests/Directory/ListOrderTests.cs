namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>
/// Lists read in French alphabetical order, not by character code (the test cluster, like the server, is created
/// with the C locale): « impots.gouv.fr » and « uMap » are not sent after « Zoom », nor « Élodie » after « Yanis ».
/// </summary>
public class ListOrderTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Tools_of_a_category_are_in_French_order()
    {
        await Portal.Seed(s =>
        {
            foreach (var name in new[] { "Zoom", "uMap", "Trello", "impots.gouv.fr", "Écrivain public en ligne" })
                s.Tool(name, "Travail collaboratif");
        });

        var page = await Portal.CreateClient().GetHtml("/annuaire/outils");

        Assert.Equal(["Écrivain public en ligne", "impots.gouv.fr", "Trello", "uMap", "Zoom"],
            page.QuerySelectorAll("main li a[href^='/annuaire/outils/'] strong").Select(e => e.Text()));
    }

    [Fact]
    public async Task People_structures_and_pick_lists_are_in_French_order()
    {
        await Portal.Seed(s =>
        {
            var tours = s.Territory("Tours");
            foreach (var name in new[] { "Yanis Benali", "Élodie Roux", "aline Petit" }) s.Actor(name);
            foreach (var name in new[] { "Régie de quartier", "Épicerie solidaire", "association Rabière" }) s.Structure(name, tours);
            foreach (var name in new[] { "Zoom", "uMap", "Trello" }) s.Tool(name);
        });
        var member = await Portal.SignedInAs(Roles.Contributeur);

        var actors = await member.GetHtml("/annuaire/acteurs");
        Assert.Equal(["aline Petit", "Élodie Roux", "Yanis Benali"],
            actors.QuerySelectorAll("main li a[href^='/annuaire/acteurs/'] strong").Select(e => e.Text()));
        var structures = await member.GetHtml("/annuaire/structures");
        Assert.Equal(["association Rabière", "Épicerie solidaire", "Régie de quartier"],
            structures.QuerySelectorAll("main a[href^='/annuaire/structures/'] strong").Select(e => e.Text()));
        var observations = await member.GetHtml("/observations");
        Assert.Equal(["Trello", "uMap", "Zoom"],
            observations.QuerySelectorAll("select#filtre-outil option").Select(o => o.Text()).Where(t => t is "Trello" or "uMap" or "Zoom"));
    }
}
