
namespace Observatoire.BrowserTests.Surveys;

[Collection(nameof(BrowserCollection))]
public class QuestionBuilderTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_builder_shows_only_the_settings_of_the_chosen_question_type()
    {
        var surveyId = await CreateSurvey();
        var page = await browser.NewPage(390, 844);
        await page.GotoAsync("/compte/connexion");
        await page.FillAsync("input[name='Input.Email']", await browser.CreateAccount("constructeur", "Nadia", Roles.Coordination));
        await page.FillAsync("input[name='Input.Password']", BrowserFixture.Password);
        await page.Locator("main button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion"));
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
