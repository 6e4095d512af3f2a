using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Observatoire.IntegrationTests.Syntheses;
using Observatoire.Web.Data;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// The quartiers map (#19.6): the schematic grid without contours, its classes, legend and table counted by hand, the
/// publication rule for visitors and in the PDF, exact counts for members; the contours import and the map it then draws.
/// </summary>
public class MapTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Period = "du=2026-01-01&au=2026-06-30";

    /// <summary>
    /// Validated observations of February 2026 (8 participants each): Sanitas 12, Fontaines 3, Rabière none, Joué-lès-Tours
    /// (a commune without quartiers) 6, and 2 in Tours without a quartier (not a zone: counted under the map).
    /// Not counted: a draft at Rabière, an observation of 2025 at Sanitas.
    /// </summary>
    private Task SeedAsync() => Portal.Db(async db =>
    {
        var s = new SeedBuilder(db);
        var tours = s.Territory("Tours");
        var sanitas = s.Quartier("Sanitas", tours);
        var fontaines = s.Quartier("Fontaines", tours);
        var rabiere = s.Quartier("Rabière", tours);
        var joue = s.Territory("Joué-lès-Tours");
        var structure = s.Structure("Centre social Pluriel", sanitas);
        var day = new DateOnly(2026, 2, 10);
        for (var i = 0; i < 12; i++) s.Observation($"Atelier Sanitas {i}", structure, sanitas, observedOn: day);
        for (var i = 0; i < 3; i++) s.Observation($"Atelier Fontaines {i}", structure, fontaines, observedOn: day);
        for (var i = 0; i < 6; i++) s.Observation($"Atelier Joué {i}", structure, joue, observedOn: day);
        for (var i = 0; i < 2; i++) s.Observation($"Atelier Tours {i}", structure, tours, observedOn: day);
        s.Observation("Brouillon", structure, rabiere, ObservationStatus.Draft, day);
        s.Observation("L'an passé", structure, sanitas, observedOn: new DateOnly(2025, 2, 10));
        await db.SaveChangesAsync();
    });

    private static string Plain(string? text) => Regex.Replace(text ?? "", @"[\s\u00A0\u202F]+", " ").Trim();

    /// <summary>Each zone of the map: accessible name, colour class, link.</summary>
    private static List<(string Name, string Class, string? Href)> Zones(IDocument page) =>
        page.QuerySelectorAll("svg.map .map-area")
            .Select(a => (a.GetAttribute("aria-label")!, a.ClassList.First(c => c != "map-area"), a.GetAttribute("href"))).ToList();

    private static List<string> Legend(IDocument page) => page.QuerySelectorAll(".map-legend li").Select(li => Plain(li.TextContent)).ToList();

    private static List<string> TableRows(IDocument page) =>
        page.QuerySelectorAll(".map-card table tbody tr").Select(r => Plain(r.Children[0].TextContent) + " : " + Plain(r.Children[1].TextContent)).ToList();

    [Fact]
    public async Task A_visitor_sees_a_schematic_grid_with_small_counts_hatched_and_the_table_of_the_same_figures()
    {
        await SeedAsync();
        var page = await Portal.CreateClient().GetHtml($"/tableau-de-bord/carte?{Period}");

        Assert.Contains("Carte schématique : chaque quartier est une case de même taille, placée approximativement.", Plain(page.QuerySelector(".map-card")!.TextContent));
        // One cell per quartier and per commune without quartiers: Tours' quartiers by name on a row, Joué below.
        Assert.Equal(
        [
            ("Fontaines (Tours) : < 5 observations", "map-masque", "/annuaire/territoires/fontaines"),
            ("Rabière (Tours) : 0 observation", "map-c0", "/annuaire/territoires/rabiere"),
            ("Sanitas (Tours) : 12 observations", "map-c5", "/annuaire/territoires/sanitas"),
            ("Joué-lès-Tours : 6 observations", "map-c3", "/annuaire/territoires/joue-les-tours"),
        ], Zones(page));
        var cells = page.QuerySelectorAll("svg.map rect.map-zone").Select(r => (r.GetAttribute("x"), r.GetAttribute("y"))).ToList();
        Assert.Equal([("0", "0"), ("116", "0"), ("232", "0"), ("0", "68")], cells);
        // Classes of equal width up to 12, from the threshold up: nothing published is under 5.
        Assert.Equal(["0 : aucune observation", "de 5 à 7", "de 8 à 9", "de 10 à 12", "< 5 (hachures) : effectif trop petit pour être publié"], Legend(page));
        Assert.Equal(["Fontaines (Tours) : < 5", "Rabière (Tours) : 0", "Sanitas (Tours) : 12", "Joué-lès-Tours : 6"], TableRows(page));
        Assert.Contains("Tours : < 5", Plain(page.QuerySelector(".map-card")!.TextContent));
        Assert.DoesNotContain("Fontaines (Tours) : 3", page.Source.Text);
    }

    [Fact]
    public async Task A_member_sees_exact_counts_leading_to_the_observations_and_the_table_equals_the_map()
    {
        await SeedAsync();
        var member = await Portal.SignedInAs(Roles.Contributeur);
        var page = await member.GetHtml($"/tableau-de-bord/carte?{Period}");

        var zones = Zones(page);
        Assert.Equal(["Fontaines (Tours) : 3 observations", "Rabière (Tours) : 0 observation", "Sanitas (Tours) : 12 observations", "Joué-lès-Tours : 6 observations"],
            zones.Select(z => z.Name));
        Assert.Equal(["map-c2", "map-c0", "map-c5", "map-c3"], zones.Select(z => z.Class));
        Assert.All(zones, z => Assert.StartsWith("/observations?", z.Href));
        Assert.Contains("territoire=sanitas", zones[2].Href);
        Assert.Equal(["0 : aucune observation", "de 1 à 2", "de 3 à 4", "de 5 à 7", "de 8 à 9", "de 10 à 12"], Legend(page));
        Assert.Equal(zones.Select(z => z.Name.Replace(" observations", "").Replace(" observation", "")), TableRows(page));
        Assert.Contains("Tours : 2", Plain(page.QuerySelector(".map-card")!.TextContent));

        var participants = await member.GetHtml($"/tableau-de-bord/carte?{Period}&indicateur=participants");
        Assert.Equal(["Fontaines (Tours) : 24 participants", "Rabière (Tours) : 0 participant", "Sanitas (Tours) : 96 participants", "Joué-lès-Tours : 48 participants"],
            Zones(participants).Select(z => z.Name));
        Assert.Equal(["map-c2", "map-c0", "map-c5", "map-c3"], Zones(participants).Select(z => z.Class));
    }

    [Fact]
    public async Task A_position_set_on_the_territory_places_its_cell()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var edit = await coordination.GetHtml("/admin/listes/territoires/sanitas");
        var tours = edit.QuerySelector("select[name='Input.ParentId'] option[selected]")!.GetAttribute("value")!;
        using (var saved = await coordination.PostForm("/admin/listes/territoires/sanitas", new Dictionary<string, string>
               { ["Input.Name"] = "Sanitas", ["Input.ParentId"] = tours, ["Input.GridRow"] = "2", ["Input.GridColumn"] = "3" }, "form.card[method=post]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.StartsWith("/admin/listes/territoires", saved.Headers.Location!.OriginalString);
        }
        var position = await Portal.Db(db => db.Territories.Where(t => t.Slug == "sanitas").Select(t => new { t.GridRow, t.GridColumn }).SingleAsync());
        Assert.Equal((2, 3), (position.GridRow, position.GridColumn));

        var page = await Portal.CreateClient().GetHtml($"/tableau-de-bord/carte?{Period}");
        // Sanitas at row 2, column 3; the others laid out by name on the rows below it.
        var cells = page.QuerySelectorAll("svg.map .map-area")
            .Select(a => (Plain(a.GetAttribute("aria-label")).Split(" : ")[0], a.QuerySelector("rect.map-zone")!.GetAttribute("x"), a.QuerySelector("rect.map-zone")!.GetAttribute("y")))
            .OrderBy(c => c.Item1).ToList();
        Assert.Equal([("Fontaines (Tours)", "0", "136"), ("Joué-lès-Tours", "0", "204"), ("Rabière (Tours)", "116", "136"), ("Sanitas (Tours)", "232", "68")], cells);
    }

    private static byte[] GeoJson(params (string Name, string Geometry)[] features) => Encoding.UTF8.GetBytes(
        "{\"type\":\"FeatureCollection\",\"features\":[" +
        string.Join(",", features.Select(f => $"{{\"type\":\"Feature\",\"properties\":{{\"nom_quartier\":\"{f.Name}\"}},\"geometry\":{f.Geometry}}}")) + "]}");

    private static string Square(double lon, double lat) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon},{lat}],[{lon + 0.01},{lat}],[{lon + 0.01},{lat + 0.01}],[{lon},{lat + 0.01}],[{lon},{lat}]]]}}");

    private static async Task<HttpResponseMessage> UploadContours(HttpClient client, string fileName, byte[] content, bool save, string property = "nom_quartier")
    {
        var form = await client.GetHtml("/admin/contours-territoires");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(property), "Input.Property" },
            { new StringContent(save ? "true" : "false"), "Input.Save" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        body.Add(file, "Upload", fileName);
        return await client.PostAsync("/admin/contours-territoires", body);
    }

    [Fact]
    public async Task Contours_are_checked_then_imported_and_the_map_draws_them()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var file = GeoJson(("SANITAS", Square(0.69, 47.38)), ("fontaines", Square(0.70, 47.37)), ("Rabiere (Tours)", Square(0.68, 47.37)),
            ("Montjoyeux", Square(0.72, 47.39)), ("Joué-lès-Tours", "{\"type\":\"Point\",\"coordinates\":[0.66,47.35]}"));

        using (var checkedOnly = await UploadContours(coordination, "quartiers.geojson", file, save: false))
        {
            var page = await checkedOnly.ReadHtml();
            Assert.Equal(HttpStatusCode.OK, checkedOnly.StatusCode);
            Assert.Equal("Vérification : rien n'est enregistré", Plain(page.GetElementById("resultat")!.TextContent));
            Assert.Equal(["Fontaines (Tours)", "Rabière (Tours)", "Sanitas (Tours)"], page.QuerySelectorAll("#resultat ~ .table-wrap tbody th").Select(t => Plain(t.TextContent)));
            var misses = page.QuerySelectorAll("#non-trouves + ul li").Select(li => Plain(li.TextContent)).ToList();
            Assert.Equal(2, misses.Count);
            Assert.StartsWith("« Montjoyeux » : aucun territoire", misses[0]);
            Assert.StartsWith("« Joué-lès-Tours » : sa géométrie n'est pas un polygone", misses[1]);
        }
        Assert.Equal(0, await Portal.Db(db => db.Territories.CountAsync(t => t.Contour != null)));

        using (var saved = await UploadContours(coordination, "quartiers.geojson", file, save: true))
            Assert.Contains("3 contour(s) enregistré(s)", Plain((await saved.ReadHtml()).QuerySelector("[role=status]")!.TextContent));
        Assert.Equal(3, await Portal.Db(db => db.Territories.CountAsync(t => t.Contour != null)));
        var audit = await Portal.Db(db => db.AuditEntries.Where(a => a.Action == "ContoursImported").Select(a => a.Details).SingleAsync());
        Assert.Contains("3 contour(s) importé(s) du fichier « quartiers.geojson »", audit);

        var map = await Portal.CreateClient().GetHtml($"/tableau-de-bord/carte?{Period}");
        Assert.Contains("Carte des contours officiels", Plain(map.QuerySelector(".map-kind")!.TextContent));
        var drawn = map.QuerySelectorAll("svg.map .map-area").ToList();
        Assert.Equal(3, drawn.Count);
        Assert.All(drawn, a => Assert.Matches("^M[0-9.]+,[0-9.]+(L[0-9.]+,[0-9.]+){4}Z$", a.QuerySelector("path.map-zone")!.GetAttribute("d")));
        Assert.Equal("Sanitas (Tours) : 12 observations", drawn[2].GetAttribute("aria-label"));
        // Joué has no contour: named under the map, still in the table.
        Assert.Contains("Sans contour connu, donc absents du dessin (mais dans le tableau) : Joué-lès-Tours.", Plain(map.QuerySelector(".map-card")!.TextContent));
        Assert.Contains("Joué-lès-Tours : 6", TableRows(map));
    }

    [Fact]
    public async Task A_file_that_is_not_geojson_too_big_or_of_another_type_is_refused_in_french()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        async Task<string> Refusal(string name, byte[] content)
        {
            using var response = await UploadContours(coordination, name, content, save: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Plain((await response.ReadHtml()).QuerySelector(".error-summary")!.TextContent);
        }

        Assert.Contains("Ce fichier n'est pas une collection d'entités GeoJSON lisible", await Refusal("quartiers.geojson", Encoding.UTF8.GetBytes("{\"type\": \"Feature")));
        Assert.Contains("Ce fichier n'est pas une collection d'entités GeoJSON lisible", await Refusal("quartiers.json", Encoding.UTF8.GetBytes("[1, 2, 3]")));
        Assert.Contains("Le fichier dépasse 5 Mo", await Refusal("quartiers.geojson", new byte[5 * 1024 * 1024 + 1]));
        Assert.Contains("Choisissez un fichier GeoJSON (.geojson ou .json).", await Refusal("quartiers.shp", GeoJson(("Sanitas", Square(0.69, 47.38)))));
        // Lambert-93 metres are not longitudes and latitudes.
        using (var lambert = await UploadContours(coordination, "iris.geojson",
                   GeoJson(("Sanitas", "{\"type\":\"Polygon\",\"coordinates\":[[[525000,6702000],[526000,6702000],[526000,6703000],[525000,6702000]]]}")), save: true))
            Assert.Contains("ses coordonnées ne sont pas des longitudes et latitudes (WGS 84)", Plain((await lambert.ReadHtml()).QuerySelector("#non-trouves + ul")!.TextContent));
        Assert.Equal(0, await Portal.Db(db => db.Territories.CountAsync(t => t.Contour != null)));
    }

    [Fact]
    public async Task Only_coordination_and_administrators_import_contours()
    {
        await SeedAsync();
        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        using (var get = await contributor.GetAsync("/admin/contours-territoires"))
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var token = (await coordination.GetHtml("/admin/contours-territoires")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The contributor's own session, the coordination's token: refused either way, nothing saved.
        using (var post = await contributor.PostAsync("/admin/contours-territoires", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } }))
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        using (var anonymous = await Portal.CreateClient().GetAsync("/admin/contours-territoires"))
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var administrator = await Portal.SignedInAs(Roles.Administrateur);
        using (var saved = await UploadContours(administrator, "quartiers.geojson", GeoJson(("Sanitas", Square(0.69, 47.38))), save: true))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, await Portal.Db(db => db.Territories.CountAsync(t => t.Contour != null)));
    }

    [Fact]
    public async Task The_pdf_synthesis_prints_the_map_with_its_legend_under_the_publication_rule()
    {
        await SeedAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (_, pdf) = await SynthesisTests.GenerateAsync(partner, Period);
        var text = Plain(await PdfTextLayer.ReadAsync(pdf));

        Assert.Contains("Carte : Usages observés par quartier", text);
        Assert.Contains("Carte schématique : chaque quartier est une case de même taille, placée approximativement.", text);
        Assert.Contains("< 5 (hachures) : effectif trop petit pour être publié", text);
        // The table beside the map (the typography binds « < » to its number).
        Assert.Matches(@"Fontaines \(Tours\) < ?5 Rabière \(Tours\) 0 Sanitas \(Tours\) 12 Joué-lès-Tours 6", text);
        Assert.DoesNotContain("Fontaines (Tours) 3", text);
    }
}
