using Microsoft.Extensions.DependencyInjection;

namespace Observatoire.BrowserTests.Surveys;

/// <summary>Coordination, on a phone, reads the free answers of a survey, masks a name in one and publishes another.</summary>
[Collection(nameof(BrowserCollection))]
public class FreeTextReviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordination_masks_a_name_in_one_free_answer_and_publishes_another_on_a_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        int surveyId;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
            var now = DateTime.UtcNow;
            var survey = new Survey { Title = $"Vos ateliers {suffix}", Slug = $"vos-ateliers-{suffix}", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now };
            var section = new SurveySection { Survey = survey, Title = "Votre avis", Order = 0 };
            survey.Sections.Add(section);
            var question = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.LongText, Text = "Un commentaire ?" };
            survey.Questions.Add(question);
            db.Add(survey);
            foreach (var text in new[] { "Merci à Mme Dupont du 12 rue des Tanneurs.", "Plus de créneaux le soir, s'il vous plaît." })
                db.Add(new Response { Survey = survey, CreatedAt = now.AddHours(-2), IdempotencyKey = Guid.NewGuid(), Answers = [new Answer { Question = question, Text = text }] });
            await db.SaveChangesAsync();
            surveyId = survey.Id;
        }
        var page = await browser.SignedInPage(await browser.CreateAccount("relecture", "Nadia", Roles.Coordination), 360, 780);
        var violations = new List<string>();

        // The results say what waits; the list shows it, newest first.
        await page.GotoAsync($"/enquetes/gestion/{surveyId}/resultats");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "2 réponses libres à relire" }));
        Assert.Equal("2 réponses, les plus récentes d'abord.", (await page.Locator("#etat-liste").InnerTextAsync()).Trim());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "liste à relire"));
        await BrowserFixture.Screenshot(page, "reponses-libres-a-relire-telephone.png");

        // The first one names someone: its own page, the name replaced, published; the next one to read opens.
        var named = page.Locator("li.card", new() { HasText = "Mme Dupont" });
        await BrowserFixture.Submit(named.GetByRole(AriaRole.Link, new() { Name = "Masquer une partie…" }));
        await page.GetByLabel("Version masquée").FillAsync("Merci à [masqué].");
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "une réponse"));
        await BrowserFixture.Screenshot(page, "reponse-libre-masquer-telephone.png");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Publier la version masquée" }));
        Assert.Contains("Réponse publiée dans sa version masquée.", await page.Locator("main").InnerTextAsync());
        Assert.Contains("Plus de créneaux le soir", await page.Locator("blockquote").InnerTextAsync());
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Publier telle quelle" }));

        // Nothing left to read; partners will read the masked version and the other one.
        Assert.Equal("Aucune réponse libre à relire.", (await page.Locator("#etat-liste").InnerTextAsync()).Trim());
        await page.GotoAsync($"/enquetes/gestion/{surveyId}/reponses-libres?etat=masquees");
        Assert.Equal("Merci à [masqué].", await page.Locator("main q").InnerTextAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.Context.CloseAsync();

        Assert.Equal(0, overflow);
        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
