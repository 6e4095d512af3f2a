using System.Text;
using Observatoire.Web.Infrastructure;

namespace Observatoire.BrowserTests.Imports;

/// <summary>Paper questionnaires of a survey typed into a spreadsheet: a mistyped answer fixed, imported, counted in the results, re-imported unchanged.</summary>
[Collection(nameof(BrowserCollection))]
public class PaperQuestionnairesImportTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordination_picks_the_survey_fixes_a_mistyped_answer_imports_and_the_results_count_the_questionnaires()
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        var title = $"Usages du numérique {n}";
        var surveyId = await browser.Seed(s =>
        {
            var now = DateTime.UtcNow;
            var survey = new Survey { Title = title, Slug = $"usages-{n}", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now };
            var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
            survey.Sections.Add(section);
            var situation = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.SingleChoice, Text = "Votre situation", Required = true };
            situation.Options.Add(new QuestionOption { Label = "En recherche d'emploi", Code = "recherche", Order = 0 });
            situation.Options.Add(new QuestionOption { Label = "Salarié", Code = "salarie", Order = 1 });
            survey.Questions.Add(situation);
            survey.Questions.Add(new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.Number, Text = "Votre âge", MinNumber = 15, MaxNumber = 99 });
            return s.Add(survey);
        });
        var page = await browser.NewPage(390, 844);
        await BrowserFixture.SignIn(page, await browser.CreateAccount("papier", "Nadia", Roles.Coordination));

        async Task<string> Upload(byte[] content)
        {
            await page.GotoAsync("/import");
            await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
            await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "questionnaires.csv", MimeType = "text/csv", Buffer = content });
            await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer et vérifier" }), url => url.Contains("/import/lots/"));
            return await page.Locator("#bilan").InnerTextAsync();
        }
        static byte[] File(string first) => Encoding.UTF8.GetBytes("Numéro de questionnaire;Consentement;Votre situation;Votre âge\r\n" +
            $"1;oui;{first};34\r\n2;oui;En recherche d'emploi;22\r\n3;oui;Salarié;41\r\n4;oui;Salarié;29\r\n5;oui;En recherche d'emploi;57\r\n6;oui;Salarié;63\r\n");

        var violations = new List<string>();
        Assert.Contains("1 refusée", await Upload(File("Salariée")));
        Assert.Contains("vouliez-vous dire « Salarié » ?", await page.Locator(".import-lines").InnerTextAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "questionnaires refusés, sur téléphone"));
        Assert.Contains("6 créées", await Upload(File("Salarié")));
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }));
        Assert.Contains("6 créées", await page.Locator("#bilan").InnerTextAsync());

        await page.GotoAsync($"/enquetes/gestion/{surveyId.Id}/resultats");
        Assert.Equal("6", await page.Locator(".figures strong").First.InnerTextAsync());
        Assert.Equal("6", await page.Locator("#saisies-accompagnees strong").InnerTextAsync());

        Assert.Contains("0 créée, 0 modifiée, 6 inchangées, 0 refusée", await Upload(File("Salarié")));
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
