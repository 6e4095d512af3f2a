using System.Text.RegularExpressions;

namespace Observatoire.BrowserTests.Observations;

[Collection(nameof(BrowserCollection))]
public class LogObservationTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_contributor_logs_an_observation_on_a_phone_and_finds_it_in_the_filtered_list()
    {
        var structure = await browser.Seed(s =>
        {
            var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
            var centre = s.Structure("Maison de quartier du Sanitas", sanitas);
            // Names of their own: the browser tests share one database, and the home page test seeds tools too.
            s.Tool("Framadate");
            s.Tool("Framatalk", "Communication et messagerie");
            s.Tool("Pix", "Apprentissage et formation");
            s.Theme("Citoyenneté");
            s.Audience("Jeunes en insertion");
            return centre;
        });
        var email = await browser.CreateAccount("contributeur", "Karim", Roles.Contributeur, structure.Id);
        var page = await browser.NewPage(390, 844);
        var violations = new List<string>();

        await BrowserFixture.SignIn(page, email);

        await page.GotoAsync("/observations/nouvelle");
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "formulaire"));
        await page.GetByLabel("Titre").FillAsync("Atelier Framatalk pour les jeunes du Sanitas");
        await page.GetByLabel("Nombre de participants").FillAsync("6");
        // The filter box (JavaScript enhancement) narrows the tool list.
        await page.GetByLabel("Filtrer la liste des outils").FillAsync("talk");
        Assert.False(await page.GetByLabel("Framadate").IsVisibleAsync());
        await page.GetByLabel("Framatalk").CheckAsync();
        await page.GetByLabel("Citoyenneté").CheckAsync();
        await page.GetByLabel("Jeunes en insertion").CheckAsync();
        await page.GetByLabel("3 — Usage régulier").CheckAsync();
        await page.GetByLabel("Ce qui a bien fonctionné").FillAsync("Chacun a lancé sa propre visio.");
        await BrowserFixture.Screenshot(page, "observation-form-phone.png");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Soumettre à la coordination" }), new Regex(@"/observations/\d+$"));
        Assert.Equal("Atelier Framatalk pour les jeunes du Sanitas", await page.Locator("h1").InnerTextAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "fiche"));

        await page.GotoAsync("/observations?theme=citoyennete&outil=framatalk&q=jeunes");
        var titles = await page.Locator(".observation-list h2").AllInnerTextsAsync();
        Assert.Equal(["Atelier Framatalk pour les jeunes du Sanitas"], titles);
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "liste"));
        await BrowserFixture.Screenshot(page, "observation-list-phone.png");

        await page.GotoAsync("/annuaire/outils/framatalk");
        violations.AddRange(await BrowserFixture.SeriousViolations(page, "fiche outil"));
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
