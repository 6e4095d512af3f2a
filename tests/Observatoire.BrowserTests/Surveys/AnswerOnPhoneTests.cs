using Deque.AxeCore.Commons;
using Microsoft.EntityFrameworkCore;

namespace Observatoire.BrowserTests.Surveys;

[Collection(nameof(BrowserCollection))]
public class AnswerOnPhoneTests(BrowserFixture browser)
{
    private async Task<int> Responses()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        return await db.Responses.CountAsync(r => r.Survey.Slug == DemoSurveys.Slug);
    }

    private static void AssertNoSeriousViolations(AxeResult results, string where)
    {
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Violations d'accessibilité graves ({where}) :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")))));
    }

    private static Task Choose(IPage page, string label) =>
        page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    private static async Task Continue(IPage page, string next)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await page.Locator("h1", new() { HasText = next }).WaitForAsync();
    }

    [Fact]
    public async Task A_job_seeker_with_children_answers_the_demo_survey_on_a_phone_through_its_conditional_parts()
    {
        await browser.Seed(s => { var tours = s.Territory("Tours"); s.Quartier("Sanitas", tours); s.Quartier("Rabière", tours); return 0; });
        await using (var scope = browser.Services.CreateAsyncScope())
            await DemoSurveys.LoadAsync(scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>(), default);
        var before = await Responses();
        var page = await browser.NewPage(390, 844);

        await page.GotoAsync($"/enquetes/{DemoSurveys.Slug}");
        AssertNoSeriousViolations(await page.RunAxe(), "accueil de l'enquête");
        await BrowserFixture.Screenshot(page, "enquete-accueil-telephone.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Vous" }).WaitForAsync();

        await Choose(page, "À la recherche d'un emploi");
        await Choose(page, "26 à 45 ans");
        await page.GetByLabel("Dans quel quartier habitez-vous ?").SelectOptionAsync(new SelectOptionValue { Label = "Sanitas (Tours)" });
        await Choose(page, "Oui");
        await Continue(page, "Votre équipement");

        // Forgetting the required answers: the summary says what to do and takes the focus.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal("erreurs", await page.EvaluateAsync<string>("document.activeElement.id"));
        AssertNoSeriousViolations(await page.RunAxe(), "écran avec erreurs");
        await BrowserFixture.Screenshot(page, "enquete-erreurs-telephone.png");
        await Choose(page, "Un smartphone");
        await Choose(page, "Seulement avec le forfait de mon téléphone");
        await page.Locator(".scale label", new() { HasText = "3" }).ClickAsync();
        await Continue(page, "Votre recherche d'emploi");

        AssertNoSeriousViolations(await page.RunAxe(), "partie conditionnelle");
        // « Si « Autre », précisez » waits until « Autre » is chosen.
        var other = page.GetByLabel("Si « Autre », précisez :");
        var otherBefore = await other.IsVisibleAsync();
        await Choose(page, "Autre");
        var otherChosen = await other.IsVisibleAsync();
        await page.GetByLabel("Autre", new() { Exact = true }).UncheckAsync();
        Assert.Equal((false, true), (otherBefore, otherChosen));
        await Choose(page, "Je consulte des offres");
        await Choose(page, "Je fais ou je mets à jour mon CV");
        await page.GetByLabel("Combien de candidatures avez-vous envoyées le mois dernier ?").FillAsync("4");
        await BrowserFixture.Screenshot(page, "enquete-partie-conditionnelle-telephone.png");
        await Continue(page, "La scolarité de vos enfants");
        await Choose(page, "Oui, avec de l'aide");
        await Continue(page, "Vos démarches");
        await Choose(page, "CAF");
        await Continue(page, "Votre avis");
        await Choose(page, "Oui, en atelier collectif");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();

        await page.Locator("h1", new() { HasText = "Merci" }).WaitForAsync();
        AssertNoSeriousViolations(await page.RunAxe(), "confirmation");
        await BrowserFixture.Screenshot(page, "enquete-merci-telephone.png");
        await page.Context.CloseAsync();
        Assert.Equal(before + 1, await Responses());
    }
}
