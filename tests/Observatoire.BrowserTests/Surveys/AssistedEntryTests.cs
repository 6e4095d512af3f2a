using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Observatoire.BrowserTests.Surveys;

[Collection(nameof(BrowserCollection))]
public class AssistedEntryTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_field_worker_starts_an_assisted_entry_from_the_survey_list_on_a_phone()
    {
        var (title, slug) = await CreateSurvey();
        var email = await FieldWorker();
        var page = await browser.NewPage(390, 844);
        await BrowserFixture.SignIn(page, email);

        // From their space: « Mon compte » leads to the surveys, whose page offers assisted entry.
        await page.GotoAsync("/compte");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "Saisir une réponse à une enquête avec un habitant" }));
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First, $"**/enquetes/{slug}");
        var entry = page.GetByRole(AriaRole.Link, new() { Name = "Saisir une réponse avec un habitant (saisie accompagnée)" });
        Assert.True(await entry.IsVisibleAsync());
        var onSurvey = await page.RunAxe();
        await BrowserFixture.Screenshot(page, "enquete-saisie-accompagnee-entree-telephone.png");
        await entry.ClickAsync();

        await page.GetByLabel("La personne a été informée", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer" }).ClickAsync();
        await page.GetByLabel("Oui", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Merci" }).WaitForAsync();
        var another = await page.GetByRole(AriaRole.Link, new() { Name = "Saisir une autre réponse" }).GetAttributeAsync("href");
        await page.Context.CloseAsync();

        Assert.Equal($"/enquetes/{slug}?assiste=1", another);
        AssertNoSeriousViolation(onSurvey);
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var stored = await db.Responses.Where(r => r.Survey.Slug == slug).Select(r => new { r.IsAssisted, r.ConsentRecorded }).SingleAsync();
        Assert.True(stored.IsAssisted && stored.ConsentRecorded);
    }

    private async Task<(string Title, string Slug)> CreateSurvey()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var now = DateTime.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var survey = new Survey
        {
            Title = $"Accès aux droits {suffix}", Slug = $"acces-aux-droits-{suffix}", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now,
        };
        var section = new SurveySection { Survey = survey, Title = "Vos démarches", Order = 0 };
        survey.Sections.Add(section);
        var question = new Question
        {
            Survey = survey, Section = section, Order = 0, Type = QuestionType.SingleChoice, Text = "Faites-vous vos démarches en ligne ?", Required = true,
        };
        question.Options.Add(new QuestionOption { Label = "Oui", Code = "oui", Order = 0 });
        question.Options.Add(new QuestionOption { Label = "Non", Code = "non", Order = 1 });
        survey.Questions.Add(question);
        db.Add(survey);
        await db.SaveChangesAsync();
        return (survey.Title, survey.Slug);
    }

    private async Task<string> FieldWorker()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"mediatrice-{Guid.NewGuid():N}@test.fr";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Samia", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, BrowserFixture.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Contributeur)).Succeeded);
        return email;
    }

    private static void AssertNoSeriousViolation(AxeResult results)
    {
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")))));
    }
}
