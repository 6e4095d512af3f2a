using System.Text.Json;

namespace Observatoire.BrowserTests.Dashboard;

/// <summary>
/// « Données ouvertes » (#19.7) walked from the dashboard on a phone: a visitor chooses a quarter, downloads the themes'
/// CSV and reads its schema; a member signed in gets the very same file (public figures, small counts masked).
/// </summary>
[Collection(nameof(BrowserCollection))]
public class OpenDataBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_downloads_a_quarter_of_an_indicator_with_its_schema_and_a_member_gets_the_same_file()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (common, rare) = ($"Numérique {suffix}", $"Rare {suffix}");
        // Second quarter of 2026: six observations of one theme, two of another (published « < 5 »).
        await browser.Seed(s =>
        {
            var quartier = s.Quartier($"Fontaines {suffix}", s.Territory($"Tours {suffix}"));
            var centre = s.Structure($"Centre Fontaines {suffix}", quartier);
            var (many, few) = (s.Theme(common), s.Theme(rare));
            for (var i = 0; i < 6; i++) s.Observation($"Atelier {suffix} {i}", centre, quartier, observedOn: new DateOnly(2026, 4, 6).AddDays(7 * i), themes: [many]);
            for (var i = 0; i < 2; i++) s.Observation($"Rencontre {suffix} {i}", centre, quartier, observedOn: new DateOnly(2026, 5, 4).AddDays(7 * i), themes: [few]);
            return centre;
        });
        var violations = new List<string>();
        var overflows = new List<int>();
        const string measure = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

        var visitor = await browser.NewPage(360, 780);
        await visitor.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(visitor.Locator("main a[href='/donnees-ouvertes']").First, url => url.EndsWith("/donnees-ouvertes", StringComparison.Ordinal));
        await visitor.SelectOptionAsync("#periode", "2026-T2");
        await BrowserFixture.Submit(visitor.GetByRole(AriaRole.Button, new() { Name = "Afficher les fichiers" }), url => url.Contains("periode=2026-T2"));
        var heading = await visitor.Locator("#fichiers").InnerTextAsync();
        violations.AddRange(await BrowserFixture.SeriousViolations(visitor, "données ouvertes, visiteur"));
        overflows.Add(await visitor.EvaluateAsync<int>(measure));
        await BrowserFixture.Screenshot(visitor, "donnees-ouvertes-telephone.png");
        var csvHref = await visitor.Locator("#indicateur-themes a.csv").GetAttributeAsync("href");
        var schemaHref = await visitor.Locator("#indicateur-themes a.schema").GetAttributeAsync("href");
        var visitorCsv = await (await visitor.Context.APIRequest.GetAsync(csvHref!)).TextAsync();
        var schema = JsonDocument.Parse(await (await visitor.Context.APIRequest.GetAsync(schemaHref!)).TextAsync());
        await visitor.Context.CloseAsync();

        var member = await browser.SignedInPage(await browser.CreateAccount("opendata", "Inès", Roles.Partenaire), 360, 780);
        await member.GotoAsync("/donnees-ouvertes?periode=2026-T2");
        violations.AddRange(await BrowserFixture.SeriousViolations(member, "données ouvertes, membre"));
        overflows.Add(await member.EvaluateAsync<int>(measure));
        var memberCsv = await (await member.Context.APIRequest.GetAsync(await member.Locator("#indicateur-themes a.csv").GetAttributeAsync("href") ?? "")).TextAsync();
        await member.Context.CloseAsync();

        Assert.Contains("2e trimestre 2026", heading);
        Assert.Equal("/donnees-ouvertes/themes/2026-T2.csv", csvHref);
        var lines = visitorCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(';');
        Assert.Equal(["periode", "date_debut", "date_fin", "code", "libelle", "valeur", "masque"], header);
        Assert.Contains(lines, l => l.StartsWith("2026-T2;2026-04-01;2026-06-30;", StringComparison.Ordinal) && l.EndsWith($";{common};6;non", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($";{rare};< 5;oui", StringComparison.Ordinal));
        // The schema describes the file's columns, in its order.
        var fields = schema.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray();
        Assert.Equal(header, fields);
        // Open data is the public dashboard's: a member downloads the same file, the small count still masked.
        Assert.Equal(visitorCsv, memberCsv);
        Assert.All(overflows, o => Assert.Equal(0, o));
        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
