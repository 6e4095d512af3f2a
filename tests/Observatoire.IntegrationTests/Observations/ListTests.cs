using System.Text;
using System.Text.Json;

namespace Observatoire.IntegrationTests.Observations;

public class ListTests(PortalFixture portal) : PortalTest(portal)
{
    private async Task<ObservationWorld> Seed()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s => new[]
        {
            s.Observation("Atelier CV au Sanitas", world.Ours, world.Sanitas, tools: [world.Nextcloud], themes: [world.Emploi],
                observedOn: new DateOnly(2026, 3, 10), description: "Les jeunes ont créé leur boîte de dépôt partagée."),
            s.Observation("Visio à la Rabière", world.Theirs, world.Rabiere, tools: [world.Jitsi], themes: [world.Emploi],
                audiences: [world.Jeunes], observedOn: new DateOnly(2026, 4, 2)),
            s.Observation("Soutien scolaire en visio", world.Theirs, world.Rabiere, tools: [world.Jitsi], themes: [world.Education],
                observedOn: new DateOnly(2026, 5, 20), status: ObservationStatus.Submitted),
        });
        return world;
    }

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".observation-list h2").Select(h => h.Text()).ToList();

    [Theory]
    [InlineData("/observations?theme=emploi&territoire=rabiere", "Visio à la Rabière")]
    [InlineData("/observations?territoire=tours", "Atelier CV au Sanitas")] // a commune includes its quartiers
    [InlineData("/observations?outil=jitsi-meet&statut=soumise", "Soutien scolaire en visio")]
    [InlineData("/observations?public=jeunes", "Visio à la Rabière")]
    [InlineData("/observations?structure=centre-social-pluriel", "Atelier CV au Sanitas")]
    [InlineData("/observations?du=2026-04-01&au=2026-04-30", "Visio à la Rabière")]
    [InlineData("/observations?q=depot+partagee", "Atelier CV au Sanitas")] // French stems, accents ignored
    [InlineData("/observations?q=Rabiere", "Visio à la Rabière")]
    public async Task Filters_combine_from_the_url(string url, string expected)
    {
        await Seed();
        var client = await Portal.SignedInAs(Roles.Coordination);

        var page = await client.GetHtml(url);

        Assert.Equal([expected], Titles(page));
        Assert.StartsWith("1 observation", page.QuerySelector(".result-count")!.Text());
    }

    [Fact]
    public async Task Sorting_and_paging_keep_the_filters_in_the_links()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s => Enumerable.Range(1, 30).Select(i =>
            s.Observation($"Séance {i:00}", world.Ours, world.Sanitas, themes: [world.Emploi], observedOn: new DateOnly(2026, 1, 1).AddDays(i))).ToList());
        var client = await Portal.SignedInAs(Roles.Coordination);

        var first = await client.GetHtml("/observations?theme=emploi&tri=ancien");

        Assert.Equal("Séance 01", Titles(first)[0]);
        Assert.Equal(25, Titles(first).Count);
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("theme=emploi", next);
        Assert.Contains("tri=ancien", next);
        Assert.Equal(["Séance 26", "Séance 27", "Séance 28", "Séance 29", "Séance 30"], Titles(await client.GetHtml(next)));
        Assert.Contains("theme=emploi", first.QuerySelector("a[href^='/observations/export.csv']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_csv_export_is_what_french_spreadsheets_open_and_cannot_run_formulas()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s => new[]
        {
            s.Observation("=HYPERLINK(\"http://evil\";\"clic\")", world.Ours, world.Sanitas, themes: [world.Emploi]),
            s.Observation("Éducation; citoyenneté \"numérique\"", world.Ours, world.Sanitas, themes: [world.Emploi],
                description: "Deux lignes\npour le déroulé"),
            s.Observation("+33 appel", world.Ours, world.Sanitas, themes: [world.Emploi], description: "@SUM(A1)"),
            s.Observation("-2 participants partis", world.Ours, world.Sanitas, themes: [world.Education]),
        });
        var client = await Portal.SignedInAs(Roles.Partenaire);

        using var response = await client.GetAsync("/observations/export.csv?theme=emploi&tri=titre");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Numéro;Titre;Date;Statut;Structure;Territoire;", lines[0]);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://evil\"\";\"\"clic\"\")\";", text);
        Assert.Contains(";'+33 appel;", text);
        Assert.Contains(";'@SUM(A1);", text);
        Assert.Contains(";\"Éducation; citoyenneté \"\"numérique\"\"\";", text);
        Assert.Contains("\"Deux lignes\npour le déroulé\"", text);
        Assert.DoesNotContain("participants partis", text); // filtered out by the theme
        Assert.Contains(";Centre social Pluriel;Sanitas (Tours);", text);
    }

    [Fact]
    public async Task The_json_export_follows_the_same_filter()
    {
        await Seed();
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await client.GetAsync("/observations/export.json?territoire=rabiere");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Visio à la Rabière", row.GetProperty("Titre").GetString());
        Assert.Equal("Jitsi Meet", row.GetProperty("Outils")[0].GetString());
        Assert.Equal("2026-04-02", row.GetProperty("Date").GetString());
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_reach_observations_or_their_exports()
    {
        await Seed();
        var client = Portal.CreateClient();

        foreach (var url in new[] { "/observations", "/observations/export.csv", "/observations/export.json", "/observations/nouvelle" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/connexion", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }
}
