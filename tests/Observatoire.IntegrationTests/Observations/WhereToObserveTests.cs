using System.Text;

namespace Observatoire.IntegrationTests.Observations;

/// <summary>
/// « Où observer ensuite » (#19): the quartier × theme × audience cells under the threshold, nearest first, each opening a
/// new observation prefilled with its cell; the CSV is the same table.
/// </summary>
public class WhereToObserveTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Period = "du=2026-01-01&au=2026-06-30";

    private static string[] Cell(IElement row) =>
        [.. new[] { ".gap-territory", ".gap-theme", ".gap-audience", ".gap-count" }.Select(c => row.QuerySelector(c)!.Text())];

    /// <summary>
    /// Tours with two quartiers, two themes, one audience (and a retired one, never offered): Sanitas × Emploi has 7
    /// validated observations (published), Sanitas × Éducation 4, Rabière × Emploi 1 (and a draft, which does not count),
    /// Rabière × Éducation none.
    /// </summary>
    private Task SeedAsync() => Portal.Seed(s =>
    {
        var tours = s.Territory("Tours");
        var sanitas = s.Quartier("Sanitas", tours);
        var rabiere = s.Quartier("Rabière", tours);
        var emploi = s.Theme("Emploi");
        var education = s.Theme("Éducation");
        var jeunes = s.Audience("Jeunes");
        s.Audience("Ancien public").RetiredAt = DateTime.UtcNow;
        var structure = s.Structure("Centre social Pluriel", sanitas);
        var day = new DateOnly(2026, 2, 1);
        for (var i = 0; i < 7; i++) s.Observation($"Emploi {i}", structure, sanitas, observedOn: day, themes: [emploi], audiences: [jeunes]);
        for (var i = 0; i < 4; i++) s.Observation($"Éducation {i}", structure, sanitas, observedOn: day, themes: [education], audiences: [jeunes]);
        s.Observation("Rabière emploi", structure, rabiere, observedOn: day, themes: [emploi], audiences: [jeunes]);
        s.Observation("Brouillon", structure, rabiere, ObservationStatus.Draft, day, themes: [education], audiences: [jeunes]);
    });

    [Fact]
    public async Task The_cells_under_the_threshold_are_listed_nearest_first_and_each_opens_a_prefilled_observation()
    {
        await SeedAsync();
        var contributor = await Portal.SignedInAs(Roles.Contributeur);

        var page = await contributor.GetHtml($"/observations/a-observer?{Period}");

        var rows = page.QuerySelectorAll("table.gaps tbody tr").Select(Cell).ToList();
        Assert.Equal([
            ["Sanitas (Tours)", "Éducation", "Jeunes", "4"],
            ["Rabière (Tours)", "Emploi", "Jeunes", "1"],
            ["Rabière (Tours)", "Éducation", "Jeunes", "0"],
        ], rows);
        Assert.Equal("4 sur 5", page.QuerySelector("table.gaps tbody td.num")!.Text());
        Assert.Equal("3 croisements sous le seuil, dont 1 sans aucune observation validée.", page.QuerySelector("#bilan")!.Text());

        // « Observer ici » opens the form with the cell's quartier, theme and audience chosen.
        var link = page.QuerySelectorAll("table.gaps tbody tr")[1].QuerySelector("a")!.GetAttribute("href")!;
        var form = await contributor.GetHtml(link);
        var rabiere = await Portal.Db(db => db.Territories.Where(t => t.Name == "Rabière").Select(t => t.Id).SingleAsync());
        Assert.Equal($"{rabiere}", form.QuerySelector("select[name='Input.TerritoryId'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Emploi"], form.QuerySelectorAll("input[name='Input.ThemeIds']:checked").Select(i => i.Closest("label")!.Text()));
        Assert.Equal(["Jeunes"], form.QuerySelectorAll("input[name='Input.AudienceIds']:checked").Select(i => i.Closest("label")!.Text()));

        // The CSV is the same table, with the links.
        using var csv = await contributor.GetAsync($"/observations/a-observer/csv?{Period}");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Sanitas (Tours);Éducation;Jeunes;4;1;/observations/nouvelle?territoire=", lines[1]);
    }

    [Fact]
    public async Task The_dashboards_filters_narrow_it_and_visitors_without_an_account_are_sent_to_sign_in()
    {
        await SeedAsync();
        var contributor = await Portal.SignedInAs(Roles.Contributeur);

        var page = await contributor.GetHtml($"/observations/a-observer?{Period}&theme=emploi");

        Assert.Equal([["Rabière (Tours)", "Emploi", "Jeunes", "1"]], page.QuerySelectorAll("table.gaps tbody tr").Select(Cell));
        // A partner reads the list, without « Observer ici »: the form is for those who log observations.
        var partner = await (await Portal.SignedInAs(Roles.Partenaire)).GetHtml($"/observations/a-observer?{Period}");
        Assert.Equal(3, partner.QuerySelectorAll("table.gaps tbody tr").Length);
        Assert.Empty(partner.QuerySelectorAll("table.gaps a[href^='/observations/nouvelle']"));
        using var anonymous = await Portal.CreateClient().GetAsync("/observations/a-observer");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString);
    }
}
