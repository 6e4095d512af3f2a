using Microsoft.EntityFrameworkCore;

namespace Observatoire.BrowserTests.Surveys;

[Collection(nameof(BrowserCollection))]
public class QuestionBuilderTests(BrowserFixture browser)
{

    [Fact]
    public async Task The_builder_shows_only_the_settings_of_the_chosen_question_type()
    {
        var surveyId = await CreateSurvey();
        var page = await SignedIn(390, 844);
        await page.GotoAsync($"/enquetes/gestion/{surveyId}/question");

        var choices = page.Locator("fieldset[data-types='SingleChoice MultipleChoice']");
        var scale = page.Locator("fieldset[data-types='Scale']");
        var number = page.Locator("fieldset[data-types='Number']");
        var atFirst = (await choices.IsVisibleAsync(), await scale.IsVisibleAsync(), await number.IsVisibleAsync());
        await page.SelectOptionAsync("#Input_Type", "Number");
        var forNumber = (await choices.IsVisibleAsync(), await scale.IsVisibleAsync(), await number.IsVisibleAsync());
        await page.SelectOptionAsync("#Input_Type", "LongText");
        var forText = (await choices.IsVisibleAsync(), await scale.IsVisibleAsync(), await number.IsVisibleAsync());
        await page.Context.CloseAsync();

        Assert.Equal((true, false, false), atFirst);   // a new question starts as a single choice
        Assert.Equal((false, false, true), forNumber);
        Assert.Equal((false, false, false), forText);
    }

    [Theory]
    [InlineData(390, 844, "telephone")]
    [InlineData(1280, 800, "ordinateur")]
    public async Task Questions_are_chained_with_their_options_typed_one_per_line_and_a_condition_on_an_earlier_part(int width, int height, string device)
    {
        var surveyId = await CreateSurvey();
        var page = await SignedIn(width, height);
        await page.GotoAsync($"/enquetes/gestion/{surveyId}");
        await page.GetByLabel("Titre de la nouvelle partie").FillAsync("Votre recherche");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une partie" }).ClickAsync();
        await page.Locator("h3", new() { HasText = "Votre recherche" }).WaitForAsync();

        await BrowserFixture.Submit(page.Locator(".builder-section").First.GetByRole(AriaRole.Link, new() { Name = "Ajouter une question à cette partie" }));
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("Quelle est votre situation ?");
        await page.GetByLabel("Réponses possibles, une par ligne").FillAsync("En emploi\nEn recherche d'emploi\nEn formation\nÀ la retraite\nAu foyer\nSans activité");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et ajouter une autre question" }).ClickAsync();
        await page.Locator("main", new() { HasText = "Écrivez la suivante" }).WaitForAsync();
        var focused = await page.EvaluateAsync<string>("document.activeElement.id");
        await BrowserFixture.Screenshot(page, $"constructeur-question-suivante-{device}.png");

        await page.GotoAsync($"/enquetes/gestion/{surveyId}");
        await BrowserFixture.Submit(page.Locator(".builder-section").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Ajouter une question à cette partie" }));
        await page.GetByLabel("Afficher cette question").SelectOptionAsync(new SelectOptionValue { Label = "Si « Quelle est votre situation ? » = « En recherche d'emploi »" });
        var closedLabel = await page.EvaluateAsync<string>("(() => { const s = document.getElementById('Input_ConditionOptionId'); return s.options[s.selectedIndex].text; })()");
        var axe = await page.RunAxe();
        await BrowserFixture.Screenshot(page, $"constructeur-condition-{device}.png");
        await page.GotoAsync($"/enquetes/gestion/{surveyId}");
        await page.Locator(".builder-section").First.Locator("summary", new() { HasText = "Ajouter plusieurs questions" }).ClickAsync();
        await BrowserFixture.Screenshot(page, $"constructeur-enquete-{device}.png");
        await page.Context.CloseAsync();

        Assert.Equal("Input_Text", focused);
        Assert.Equal("Si « Quelle est votre situation ? » = « En recherche d'emploi »", closedLabel.Trim());
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} : {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        Assert.Equal(6, await db.QuestionOptions.CountAsync(o => o.Question.SurveyId == surveyId));
    }

    private async Task<IPage> SignedIn(int width, int height)
    {
        var page = await browser.NewPage(width, height);
        await BrowserFixture.SignIn(page, await browser.CreateAccount("constructeur", "Nadia", Roles.Coordination));
        return page;
    }

    private async Task<int> CreateSurvey()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var now = DateTime.UtcNow;
        var survey = new Survey { Title = "Questionnaire du constructeur", Slug = $"constructeur-{Guid.NewGuid():N}", CreatedAt = now, UpdatedAt = now };
        survey.Sections.Add(new SurveySection { Title = "Vous", Order = 1 });
        db.Add(survey);
        await db.SaveChangesAsync();
        return survey.Id;
    }
}
