namespace Observatoire.IntegrationTests.Observations;

/// <summary>
/// Coordination's queue (/observations/a-valider): newest submission first, filters by structure, territory and
/// author, and how many wait per structure, all through a plain GET form (no JavaScript).
/// </summary>
public class ReviewQueueTests(PortalFixture portal) : PortalTest(portal)
{
    private sealed record Queue(string Resoudre, string Rabiere, string Sanitas, string Lea, string Karim);

    private async Task<Queue> SeedAsync()
    {
        var lea = await Portal.CreateUser(Roles.Contributeur);
        var karim = await Portal.CreateUser(Roles.Contributeur);
        return await Portal.Seed(s =>
        {
            var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
            var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
            var resoudre = s.Structure("Association Résoudre", rabiere, "Association");
            var pluriel = s.Structure("Centre social Pluriel", sanitas);
            var submitted = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
            void Submitted(string title, Structure structure, AppUser author, int day)
            {
                var o = s.Observation(title, structure, status: ObservationStatus.Submitted);
                o.CreatedById = author.Id;
                o.UpdatedAt = submitted.AddDays(day);
            }
            Submitted("Ancienne", resoudre, lea, 0);
            Submitted("Du milieu", pluriel, karim, 1);
            Submitted("Récente", resoudre, karim, 2);
            s.Observation("Déjà validée", resoudre);
            return new Queue(resoudre.Slug, rabiere.Slug, sanitas.Slug, lea.Id, karim.Id);
        });
    }

    private static List<string> Titles(IDocument page) => page.QuerySelectorAll("#file li strong").Select(e => e.Text()).ToList();

    [Fact]
    public async Task The_queue_lists_the_newest_first_and_filters_by_structure_territory_and_author()
    {
        var q = await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var all = await coordination.GetHtml("/observations/a-valider");
        Assert.Equal(["Récente", "Du milieu", "Ancienne"], Titles(all));
        var form = all.QuerySelector("main form[method=get]")!;
        Assert.All(["structure", "territoire", "auteur", "tri"], name => Assert.NotNull(form.QuerySelector($"select[name={name}]")));
        Assert.Equal(["Association Résoudre 2", "Centre social Pluriel 1"],
            all.QuerySelectorAll("#par-structure li").Select(li => li.Text()));

        Assert.Equal(["Ancienne", "Du milieu", "Récente"], Titles(await coordination.GetHtml("/observations/a-valider?tri=ancien")));
        Assert.Equal(["Récente", "Ancienne"], Titles(await coordination.GetHtml($"/observations/a-valider?structure={q.Resoudre}")));
        Assert.Equal(["Du milieu"], Titles(await coordination.GetHtml($"/observations/a-valider?territoire={q.Sanitas}")));
        Assert.Equal(["Récente", "Du milieu"], Titles(await coordination.GetHtml($"/observations/a-valider?auteur={q.Karim}")));
        var both = await coordination.GetHtml($"/observations/a-valider?structure={q.Resoudre}&auteur={q.Lea}");
        Assert.Equal(["Ancienne"], Titles(both));
        Assert.Contains("1 observation sur 3", both.QuerySelector("#resultat")!.Text());
        Assert.Equal(q.Resoudre, both.QuerySelector("select[name=structure] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_filter_that_keeps_nothing_says_so_and_offers_the_whole_queue()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var none = await coordination.GetHtml("/observations/a-valider?structure=inconnue");

        Assert.Empty(Titles(none));
        Assert.Contains("Aucune observation soumise ne correspond à ces filtres.", none.QuerySelector("main")!.Text());
        Assert.NotNull(none.QuerySelector("main a[href='/observations/a-valider']"));
    }
}
