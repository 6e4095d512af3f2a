namespace Observatoire.BrowserTests.Syntheses;

/// <summary>
/// A survey printed in a synthesis leads back to its results (#19.5), walked by a partner on a phone: from the survey's
/// link in the synthesis preview of a commune to the results page restricted to that commune's respondents.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class SurveyBackLinkBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_partner_follows_a_surveys_link_from_a_synthesis_to_its_results_for_the_synthesis_commune()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        // Six respondents of a quartier of the commune, nine of another commune: the link must show the six.
        var (commune, survey) = await browser.Seed(s =>
        {
            var commune = s.Territory($"Saint-Avertin {suffix}");
            var (here, there) = (s.Quartier($"Grange Barbier {suffix}", commune), s.Quartier($"Rochepinard {suffix}", s.Territory($"Tours {suffix}")));
            var at = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
            var survey = s.Add(new Survey { Title = $"Usages {suffix}", Slug = $"usages-{suffix}", Status = SurveyStatus.Closed, CreatedAt = at, UpdatedAt = at });
            var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
            survey.Sections.Add(section);
            var where = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Territory, Text = "Votre quartier ?" };
            var often = new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.SingleChoice, Text = "Utilisez-vous un ordinateur ?" };
            often.Options.Add(new QuestionOption { Order = 0, Code = "souvent", Label = "Souvent" });
            often.Options.Add(new QuestionOption { Order = 1, Code = "rarement", Label = "Rarement" });
            survey.Questions.AddRange([where, often]);
            for (var i = 0; i < 15; i++)
                s.Add(new Response
                {
                    Survey = survey, CreatedAt = at, IdempotencyKey = Guid.NewGuid(),
                    Answers = [new Answer { Question = where, Territory = i < 6 ? here : there }, new Answer { Question = often, Option = often.Options[i < 6 ? 0 : 1] }],
                });
            return (commune, survey);
        });
        var email = await browser.CreateAccount("partenaire-enquete", "Inès", Roles.Partenaire);
        var page = await browser.NewPage(360, 780);
        await BrowserFixture.SignIn(page, email);

        await page.GotoAsync($"/syntheses/apercu?du=2026-01-01&au=2026-06-30&territoire={commune.Slug}&enquetes={survey.Id}");
        var chapter = await page.Locator($"#enquete-{survey.Id} > p.meta").InnerTextAsync();
        await BrowserFixture.Submit(page.Locator($"#enquete-{survey.Id} p.back-link a"), url => url.Contains($"/enquetes/gestion/{survey.Id}/resultats"));
        var url = page.Url;
        var notice = await page.Locator("#territoires").InnerTextAsync();
        var total = await page.Locator("ul.figures li").First.InnerTextAsync();
        var rows = await page.Locator("section.result", new() { HasText = "Utilisez-vous un ordinateur ?" }).Locator("table tbody tr").AllInnerTextsAsync();
        var back = await page.Locator("main a", new() { HasText = "←" }).First.GetAttributeAsync("href");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var violations = await BrowserFixture.SeriousViolations(page, "résultats d'une enquête depuis une synthèse");
        await BrowserFixture.Screenshot(page, "enquete-resultats-depuis-synthese-telephone.png");
        await page.Context.CloseAsync();

        Assert.StartsWith("6 questionnaires remplis par des répondants", chapter);
        Assert.EndsWith($"/enquetes/gestion/{survey.Id}/resultats?territoire={commune.Slug}", url);
        Assert.StartsWith($"Répondants qui ont indiqué Saint-Avertin {suffix} à la question « Votre quartier ? »", notice.Trim());
        Assert.StartsWith("6", total.Trim());
        Assert.Equal(["Souvent 6 100 %", "Rarement 0 0 %"], rows.Select(r => string.Join(" ", r.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        // The survey list is Coordination's: a partner goes back to the syntheses.
        Assert.Equal("/syntheses", back);
        Assert.True(overflow <= 0, $"La page déborde de {overflow} px en largeur sur téléphone.");
        Assert.Empty(violations);
    }
}
