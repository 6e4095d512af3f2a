using System.Text;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.BrowserTests.Imports;

/// <summary>Issue #15's « done when »: structures with errors, fixed, imported; 200 past observations from an .xlsx; counted; re-imported unchanged.</summary>
[Collection(nameof(BrowserCollection))]
public class PastObservationsImportTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordination_imports_structures_then_200_past_observations_the_dashboard_counts_them_and_a_second_import_changes_nothing()
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        var (quartier, theme) = ($"Sanitas {n}", $"Numérique {n}");
        await browser.Seed(s =>
        {
            s.Quartier(quartier, s.Territory($"Tours {n}"));
            s.Kind("Centre social");
            s.Tool($"Pix {n}");
            return s.Theme(theme);
        });
        var page = await browser.NewPage(390, 844);
        await BrowserFixture.SignIn(page, await browser.CreateAccount("import", "Nadia", Roles.Coordination));

        async Task<string> Upload(string kind, string fileName, byte[] content)
        {
            await page.GotoAsync($"/import/{kind}");
            await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
            await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer et vérifier" }), url => url.Contains("/import/lots/"));
            return await page.Locator("#bilan").InnerTextAsync();
        }
        async Task<string> Commit()
        {
            await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }));
            return await page.Locator("#bilan").InnerTextAsync();
        }

        var violations = new List<string>();
        var structureNames = new[] { $"Maison pour tous {n}", $"Espace jeunes {n}" };
        var withErrors = Encoding.UTF8.GetBytes($"Nom;Type;Territoire\r\n{structureNames[0]};Centre social;Sanitass {n}\r\n;Centre social;{quartier}\r\n");
        Assert.Contains("2 refusées", await Upload("structures", "structures.csv", withErrors));
        var messages = await page.Locator(".import-lines").InnerTextAsync();
        Assert.Contains($"vouliez-vous dire « {quartier} » ?", messages);
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "lot refusé, sur téléphone"));
        await BrowserFixture.Screenshot(page, "import-lot-refuse-telephone.png");
        var structures = Encoding.UTF8.GetBytes($"Nom;Type;Territoire\r\n{structureNames[0]};Centre social;{quartier}\r\n{structureNames[1]};Centre social;{quartier}\r\n");
        Assert.Contains("2 créées", await Upload("structures", "structures.csv", structures));
        Assert.Contains("2 créées", await Commit());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var observations = TabularFile.WriteXlsx("Observations",
            ["Numéro", "Titre", "Date", "Statut", "Structure", "Territoire", "Outils", "Thèmes", "Participants", "Niveau d'appropriation"],
            Enumerable.Range(1, 200).Select(i => new string?[]
            {
                $"P{i}", $"Atelier {i}", today.AddDays(-i).ToString("yyyy-MM-dd"), "Validée", structureNames[i % 2], quartier,
                $"Pix {n}", theme, (3 + i % 10).ToString(), (1 + i % 4).ToString(),
            }));
        Assert.Contains("200 créées", await Upload("observations", "observations.xlsx", observations));
        Assert.Contains("200 créées", await Commit());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "lot importé"));
        await page.GotoAsync("/import");
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "page des imports"));

        await page.GotoAsync($"/tableau-de-bord?du={today.AddDays(-365):yyyy-MM-dd}&au={today:yyyy-MM-dd}&theme={Slug.From(theme)}");
        Assert.Equal("200", await page.Locator("#chiffre-observations .figure-value").InnerTextAsync());

        Assert.Contains("0 créée, 0 modifiée, 2 inchangées, 0 refusée", await Upload("structures", "structures.csv", structures));
        Assert.Contains("0 créée, 0 modifiée, 2 inchangées", await Commit());
        Assert.Contains("0 créée, 0 modifiée, 200 inchangées, 0 refusée", await Upload("observations", "observations.xlsx", observations));
        Assert.Contains("0 créée, 0 modifiée, 200 inchangées", await Commit());
        await page.GotoAsync($"/tableau-de-bord?du={today.AddDays(-365):yyyy-MM-dd}&au={today:yyyy-MM-dd}&theme={Slug.From(theme)}");
        Assert.Equal("200", await page.Locator("#chiffre-observations .figure-value").InnerTextAsync());
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
