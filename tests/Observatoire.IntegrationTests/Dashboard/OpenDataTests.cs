using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Observatoire.IntegrationTests.Security;
using Observatoire.Web.Analysis;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// The public open data (/donnees-ouvertes): every public indicator as a CSV per period, equal to the public dashboard of
/// that period, described by a Frictionless Table Schema that every row satisfies.
/// </summary>
public class OpenDataTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>
    /// In 2026, 8 validated observations by one structure (Centre social Pluriel): 6 at Sanitas (Tours) on 1–6 February,
    /// theme Emploi, 3 participants each; 2 at Rabière (Joué-lès-Tours) on 10–11 February, theme Éducation, 2 participants
    /// each. Not counted: one submitted observation (100 participants). In 2025: one validated observation.
    /// So for 2026: 8 observations, 22 participants, 1 structure (« &lt; 5 »); Emploi 6, Éducation « &lt; 5 »; Sanitas 6,
    /// Rabière « &lt; 5 »; February 8, the other months 0.
    /// </summary>
    private Task SeedAsync() => Portal.Seed(s =>
    {
        var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
        var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
        var pluriel = s.Structure("Centre social Pluriel", sanitas);
        var emploi = s.Theme("Emploi");
        var education = s.Theme("Éducation");
        emploi.SortOrder = 1;
        education.SortOrder = 2;
        for (var i = 0; i < 6; i++)
            s.Observation($"Atelier {i}", pluriel, sanitas, observedOn: new(2026, 2, 1 + i), participants: 3, themes: [emploi]);
        for (var i = 0; i < 2; i++)
            s.Observation($"Permanence {i}", pluriel, rabiere, observedOn: new(2026, 2, 10 + i), participants: 2, themes: [education]);
        s.Observation("En attente", pluriel, sanitas, status: ObservationStatus.Submitted, observedOn: new(2026, 2, 20), participants: 100, themes: [emploi]);
        s.Observation("L'an passé", pluriel, sanitas, observedOn: new(2025, 6, 1), participants: 4, themes: [emploi]);
    });

    private static IEnumerable<Indicators.Definition> PublicIndicators => Indicators.All.Where(d => d.Public);

    [Fact]
    public async Task The_files_hold_the_hand_counted_figures_with_small_groups_masked()
    {
        await SeedAsync();
        var anonymous = Portal.CreateClient();

        Assert.Equal(["periode;date_debut;date_fin;valeur;masque", "2026;2026-01-01;2026-12-31;8;non"],
            await Lines(anonymous, "/donnees-ouvertes/observations/2026.csv"));
        Assert.Equal("2026;2026-01-01;2026-12-31;22;non", (await Lines(anonymous, "/donnees-ouvertes/participants/2026.csv"))[1]);
        Assert.Equal("2026;2026-01-01;2026-12-31;< 5;oui", (await Lines(anonymous, "/donnees-ouvertes/structures/2026.csv"))[1]);
        Assert.Equal(
            ["periode;date_debut;date_fin;code;libelle;valeur;masque", "2026;2026-01-01;2026-12-31;emploi;Emploi;6;non",
                "2026;2026-01-01;2026-12-31;education;Éducation;< 5;oui"],
            await Lines(anonymous, "/donnees-ouvertes/themes/2026.csv"));
        Assert.Equal(["2026;2026-01-01;2026-12-31;sanitas;Sanitas (Tours);6;non", "2026;2026-01-01;2026-12-31;rabiere;Rabière (Joué-lès-Tours);< 5;oui"],
            (await Lines(anonymous, "/donnees-ouvertes/territoires/2026.csv")).Skip(1));
        var months = (await Lines(anonymous, "/donnees-ouvertes/tendance/2026.csv")).Skip(1).ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal("2026;2026-01-01;2026-12-31;2026-02;février 2026;8;non", months[1]);
        Assert.All(months.Where((_, i) => i != 1), m => Assert.EndsWith(";0;non", m));

        // A quarter, a month, another year.
        Assert.Equal("2026-T1;2026-01-01;2026-03-31;8;non", (await Lines(anonymous, "/donnees-ouvertes/observations/2026-T1.csv"))[1]);
        Assert.Equal("2026-03;2026-03-01;2026-03-31;0;non", (await Lines(anonymous, "/donnees-ouvertes/observations/2026-03.csv"))[1]);
        Assert.Equal("2025;2025-01-01;2025-12-31;< 5;oui", (await Lines(anonymous, "/donnees-ouvertes/observations/2025.csv"))[1]);
        Assert.Equal(["2026-T2;2026-04-01;2026-06-30;2026-04;avril 2026;0;non", "2026-T2;2026-04-01;2026-06-30;2026-05;mai 2026;0;non",
                "2026-T2;2026-04-01;2026-06-30;2026-06;juin 2026;0;non"],
            (await Lines(anonymous, "/donnees-ouvertes/tendance/2026-T2.csv")).Skip(1));
    }

    [Fact]
    public async Task Each_file_equals_the_public_dashboard_of_its_period_whoever_downloads_it()
    {
        await SeedAsync();
        var anonymous = Portal.CreateClient();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var page = await anonymous.GetHtml("/tableau-de-bord?du=2026-01-01&au=2026-12-31");

        foreach (var indicator in PublicIndicators)
        {
            var url = $"/donnees-ouvertes/{indicator.Id}/2026.csv";
            var rows = (await Lines(anonymous, url)).Skip(1).Select(l => l.Split(';')).ToList();
            if (page.QuerySelector($"#graphique-{indicator.Id}") is { } chart)
                Assert.Equal(chart.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.Text(), r.QuerySelector("td.num")!.Text())),
                    rows.Select(r => (r[4], r[5])));
            else
                Assert.Equal(page.QuerySelector($"#chiffre-{indicator.Id} .figure-value")!.Text(), Assert.Single(rows)[3]);
            // A member gets the public file, not the exact counts members see on screen.
            Assert.Equal(await anonymous.GetByteArrayAsync(url), await coordination.GetByteArrayAsync(url));
        }
        Assert.Equal("8", (await coordination.GetHtml("/tableau-de-bord?du=2026-01-01&au=2026-12-31"))
            .QuerySelector("#chiffre-observations .figure-value")!.Text());
        Assert.Equal("2026;2026-01-01;2026-12-31;education;Éducation;< 5;oui", (await Lines(coordination, "/donnees-ouvertes/themes/2026.csv"))[2]);
    }

    [Fact]
    public async Task Every_row_of_every_file_satisfies_its_table_schema()
    {
        await SeedAsync();
        var anonymous = Portal.CreateClient();

        foreach (var indicator in PublicIndicators)
        {
            var schema = JsonDocument.Parse(await anonymous.GetStringAsync($"/donnees-ouvertes/{indicator.Id}.schema.json")).RootElement;
            var description = schema.GetProperty("description").GetString()!;
            Assert.Contains(indicator.Description, description);
            Assert.Contains(PublicationRule.Counts(5), description);
            Assert.Equal(indicator.Label, schema.GetProperty("title").GetString());
            Assert.Contains("< 5", schema.GetProperty("missingValues").EnumerateArray().Select(v => v.GetString()));
            foreach (var period in new[] { "2026", "2026-T1", "2026-02", "2025" })
            {
                var rows = Parse(await anonymous.GetStringAsync($"/donnees-ouvertes/{indicator.Id}/{period}.csv"));
                var problems = TableSchema.Check(schema, rows);
                Assert.True(problems.Count == 0, $"{indicator.Id}/{period}.csv :\n" + string.Join("\n", problems));
                Assert.All(rows.Skip(1), r => Assert.Equal(period, r[0]));
            }
        }
    }

    [Fact]
    public void The_validator_refuses_what_the_schema_forbids()
    {
        var schema = JsonDocument.Parse("""
            {"fields": [
                {"name": "periode", "type": "string", "constraints": {"required": true, "pattern": "[0-9]{4}"}},
                {"name": "jour", "type": "date"}, {"name": "mois", "type": "yearmonth"},
                {"name": "valeur", "type": "integer", "constraints": {"minimum": 0}},
                {"name": "masque", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"], "constraints": {"required": true}}],
             "missingValues": ["", "< 5"], "primaryKey": ["periode"]}
            """).RootElement;
        List<string> header = ["periode", "jour", "mois", "valeur", "masque"];

        Assert.Empty(TableSchema.Check(schema, [header, ["2026", "2026-02-01", "2026-02", "< 5", "oui"], ["2025", "", "", "3", "non"]]));
        foreach (var bad in new List<string>[]
                 {
                     ["26", "2026-02-01", "2026-02", "1", "oui"], ["2026", "01/02/2026", "2026-02", "1", "oui"], ["2026", "", "2026-2", "1", "oui"],
                     ["2026", "", "", "1,5", "oui"], ["2026", "", "", "-1", "oui"], ["2026", "", "", "1", "true"], ["2026", "", "", "1", ""],
                     ["2026", "", "", "1"],
                 })
            Assert.NotEmpty(TableSchema.Check(schema, [header, bad]));
        Assert.NotEmpty(TableSchema.Check(schema, [["periode", "mois", "jour", "valeur", "masque"]]));
        Assert.NotEmpty(TableSchema.Check(schema, [header, ["2026", "", "", "1", "oui"], ["2026", "", "", "2", "non"]]));
    }

    [Fact]
    public async Task Every_public_indicator_of_the_catalogue_is_listed_with_its_file_and_schema_and_in_the_data_package()
    {
        await SeedAsync();
        var anonymous = Portal.CreateClient();

        var page = await anonymous.GetHtml("/donnees-ouvertes?periode=2026-T1");
        var package = JsonDocument.Parse(await anonymous.GetStringAsync("/donnees-ouvertes/datapackage.json")).RootElement;

        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        foreach (var indicator in PublicIndicators)
        {
            var row = page.QuerySelector($"#indicateur-{indicator.Id}")!;
            Assert.Equal(indicator.Label, row.QuerySelector("th")!.Text());
            var csv = row.QuerySelector("a.csv")!.GetAttribute("href")!;
            var schema = row.QuerySelector("a.schema")!.GetAttribute("href")!;
            Assert.Equal($"/donnees-ouvertes/{indicator.Id}/2026-T1.csv", csv);
            Assert.Equal($"/donnees-ouvertes/{indicator.Id}.schema.json", schema);
            foreach (var url in new[] { csv, schema })
            {
                using var response = await anonymous.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            foreach (var year in new[] { 2025, 2026 })
            {
                var resource = Assert.Single(resources, r => r.GetProperty("name").GetString() == $"{indicator.Id}-{year}");
                // Paths are relative to the package's address.
                Assert.Equal($"{indicator.Id}/{year}.csv", resource.GetProperty("path").GetString());
                Assert.Equal($"{indicator.Id}.schema.json", resource.GetProperty("schema").GetString());
                Assert.Equal(";", resource.GetProperty("dialect").GetProperty("delimiter").GetString());
            }
        }
        Assert.Equal(PublicIndicators.Count() * 2, resources.Count);
        foreach (var resource in resources)
        {
            using var response = await anonymous.GetAsync("/donnees-ouvertes/" + resource.GetProperty("path").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal("2026-T1", page.QuerySelector("#periode option[selected]")!.GetAttribute("value"));
        Assert.Contains(PublicationRule.Counts(5), page.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task Members_only_indicators_and_unknown_indicators_or_periods_are_not_found()
    {
        var anonymous = Portal.CreateClient();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var thisYear = Observatoire.Web.Infrastructure.ParisTime.Today(DateTime.UtcNow).Year;
        var nextYear = thisYear + 1;

        var hidden = Indicators.All.Where(d => !d.Public).Append(Indicators.TopTools).Append(Indicators.WhereToObserve).ToList();
        Assert.NotEmpty(hidden);
        var urls = hidden.SelectMany(d => new[] { $"/donnees-ouvertes/{d.Id}/2026.csv", $"/donnees-ouvertes/{d.Id}.schema.json" })
            .Concat([
                "/donnees-ouvertes/inconnu/2026.csv", "/donnees-ouvertes/inconnu.schema.json", "/donnees-ouvertes/observations/2026-T5.csv",
                "/donnees-ouvertes/observations/2026-13.csv", "/donnees-ouvertes/observations/2026-1.csv", "/donnees-ouvertes/observations/1999.csv",
                "/donnees-ouvertes/observations/26.csv", $"/donnees-ouvertes/observations/{nextYear}.csv", $"/donnees-ouvertes/observations/{nextYear}-01.csv",
            ]);
        foreach (var url in urls)
            foreach (var client in new[] { anonymous, coordination })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} : {(int)response.StatusCode} au lieu de 404");
            }
        var page = await anonymous.GetHtml("/donnees-ouvertes");
        Assert.All(hidden, d => Assert.Null(page.QuerySelector($"#indicateur-{d.Id}")));
        Assert.Equal($"{thisYear}", page.QuerySelector("#periode option[selected]")!.GetAttribute("value"));
        Assert.NotNull((await anonymous.GetHtml($"/donnees-ouvertes?periode={nextYear}")).QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task Files_may_be_kept_by_shared_caches_even_for_a_signed_in_member()
    {
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        foreach (var url in new[] { "/donnees-ouvertes/observations/2026.csv", "/donnees-ouvertes/observations.schema.json", "/donnees-ouvertes/datapackage.json" })
        {
            using var response = await coordination.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl is { Public: true, NoStore: false, MaxAge: not null }, $"{url} : Cache-Control {response.Headers.CacheControl}");
        }
        using var csv = await coordination.GetAsync("/donnees-ouvertes/observations/2026.csv");
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        // No byte-order mark: a Frictionless reader would take it for part of the first column's name.
        Assert.StartsWith("periode;", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_methodology_page_and_the_dashboard_link_to_the_open_data()
    {
        var anonymous = Portal.CreateClient();

        Assert.NotNull((await anonymous.GetHtml("/methodologie")).QuerySelector("main a[href='/donnees-ouvertes']"));
        Assert.NotNull((await anonymous.GetHtml("/tableau-de-bord")).QuerySelector("#telecharger ~ p a[href='/donnees-ouvertes']"));
    }

    private static async Task<List<string>> Lines(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} : {(int)response.StatusCode}");
        return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>Rows of a CSV (RFC 4180 quoting), the header first.</summary>
    private static List<List<string>> Parse(string text) => HostileCorpus.ParseCsv(text);

    /// <summary>
    /// The part of Frictionless Table Schema the open data uses: field names and order equal to the header, the types
    /// string, integer, date, yearmonth and boolean (with trueValues and falseValues), missingValues, the constraints
    /// required, pattern and minimum, and a unique primary key.
    /// </summary>
    private static class TableSchema
    {
        public static List<string> Check(JsonElement schema, List<List<string>> rows)
        {
            var problems = new List<string>();
            var fields = schema.GetProperty("fields").EnumerateArray().ToList();
            var names = fields.Select(f => f.GetProperty("name").GetString()!).ToList();
            if (!rows[0].SequenceEqual(names))
                return [$"en-tête « {string.Join(';', rows[0])} » au lieu de « {string.Join(';', names)} »"];
            var missing = schema.TryGetProperty("missingValues", out var m) ? m.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [""];
            var keys = new HashSet<string>();
            foreach (var (row, line) in rows.Skip(1).Select((r, i) => (r, i + 2)))
            {
                if (row.Count != fields.Count)
                {
                    problems.Add($"ligne {line} : {row.Count} cellules au lieu de {fields.Count}");
                    continue;
                }
                for (var i = 0; i < fields.Count; i++)
                    if (Problem(fields[i], row[i], missing) is { } problem)
                        problems.Add($"ligne {line}, {names[i]} « {row[i]} » : {problem}");
                if (schema.TryGetProperty("primaryKey", out var primary))
                {
                    var key = string.Join('\u0001', primary.EnumerateArray().Select(k => row[names.IndexOf(k.GetString()!)]));
                    if (!keys.Add(key)) problems.Add($"ligne {line} : clé primaire en double");
                }
            }
            return problems;
        }

        private static string? Problem(JsonElement field, string value, HashSet<string> missing)
        {
            var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
            bool Has(string name, out JsonElement v)
            {
                v = default;
                return constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty(name, out v);
            }
            if (missing.Contains(value))
                return Has("required", out var required) && required.GetBoolean() ? "valeur obligatoire absente" : null;
            switch (field.GetProperty("type").GetString())
            {
                case "string":
                    break;
                case "integer":
                    if (!Regex.IsMatch(value, "^-?[0-9]+$")) return "pas un entier";
                    if (Has("minimum", out var minimum) && long.Parse(value, CultureInfo.InvariantCulture) < minimum.GetInt64()) return "sous le minimum";
                    break;
                case "date":
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return "pas une date ISO";
                    break;
                case "yearmonth":
                    if (!Regex.IsMatch(value, "^[0-9]{4}-(0[1-9]|1[0-2])$")) return "pas un mois AAAA-MM";
                    break;
                case "boolean":
                    var yes = field.TryGetProperty("trueValues", out var t) ? t.EnumerateArray().Select(v => v.GetString()) : ["true", "True", "TRUE", "1"];
                    var no = field.TryGetProperty("falseValues", out var f) ? f.EnumerateArray().Select(v => v.GetString()) : ["false", "False", "FALSE", "0"];
                    if (!yes.Concat(no).Contains(value)) return "pas un booléen";
                    break;
                case var type:
                    return $"type « {type} » que ce validateur ne connaît pas";
            }
            if (Has("pattern", out var pattern) && !Regex.IsMatch(value, "^(?:" + pattern.GetString() + ")$")) return "ne suit pas le motif";
            return null;
        }
    }
}
