
namespace Observatoire.BrowserTests.Syntheses;

[Collection(nameof(BrowserCollection))]
public class SynthesisBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_partner_ticks_two_themes_and_two_quartiers_on_a_phone_previews_and_generates_the_pdf()
    {
        // Names of their own: the browser tests share one database.
        await browser.Seed(s =>
        {
            var commune = s.Territory("Saint-Avertin synthèse");
            var first = s.Quartier("Grand Village synthèse", commune);
            var second = s.Quartier("Les Rives synthèse", commune);
            var centre = s.Structure("Centre social synthèse", first);
            var emploi = s.Theme("Emploi synthèse");
            var education = s.Theme("Éducation synthèse");
            var sante = s.Theme("Santé synthèse");
            s.Observation("Atelier CV et devoirs", centre, first, observedOn: new(2026, 2, 3), participants: 5, themes: [emploi, education]);
            s.Observation("Atelier CV", centre, second, observedOn: new(2026, 2, 10), participants: 4, themes: [emploi]);
            s.Observation("Devoirs en ligne", centre, second, observedOn: new(2026, 3, 3), participants: 3, themes: [education]);
            s.Observation("Compte santé", centre, first, observedOn: new(2026, 3, 5), participants: 9, themes: [sante]);
            return centre;
        });
        var email = await browser.CreateAccount("partenaire", "Inès", Roles.Partenaire);
        var page = await browser.NewPage(390, 844);

        await BrowserFixture.SignIn(page, email);

        await page.GotoAsync("/syntheses");
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2026-01-01");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2026-06-30");
        await page.GetByLabel("Grand Village synthèse (Saint-Avertin synthèse)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Les Rives synthèse (Saint-Avertin synthèse)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Emploi synthèse", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Éducation synthèse", new() { Exact = true }).CheckAsync();
        var form = await page.RunAxe();
        await BrowserFixture.Screenshot(page, "synthese-formulaire-telephone.png");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }), url => url.Contains("/syntheses/apercu"));
        var url = page.Url;
        // The observation with both themes counts once: three observations, twelve participants.
        var observations = await page.Locator("#chiffre-observations .figure-value").InnerTextAsync();
        var participants = await page.Locator("#chiffre-participants .figure-value").InnerTextAsync();
        var title = await page.Locator("h1").First.InnerTextAsync();
        await BrowserFixture.Screenshot(page, "synthese-apercu-telephone.png", fullPage: false);
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Générer le PDF" }), url => url.Contains("creee=SYN-"));
        var notice = await page.Locator(".notice").InnerTextAsync();
        var href = await page.Locator(".notice a").GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(href!);
        var bytes = await pdf.BodyAsync();
        // The list of past syntheses (a wide table) scrolls inside its frame: the page itself never scrolls sideways.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.Context.CloseAsync();

        Assert.All(["theme=emploi-synthese", "theme=education-synthese"], part => Assert.Contains(part, url));
        // The PDF leaves the members' space: three observations are « < 5 » (PublicationRule), twelve participants are shown.
        Assert.Equal(("< 5", "12"), (observations, participants));
        // Names in French order: « éducation » before « emploi » (character codes put « é » after « z »).
        Assert.Equal("Synthèse 2026 — Grand Village synthèse (Saint-Avertin synthèse), Les Rives synthèse (Saint-Avertin synthèse) — éducation synthèse, emploi synthèse", title);
        Assert.Contains("est prête", notice);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(overflow <= 0, $"La page déborde de {overflow} px en largeur sur téléphone.");
        var serious = form.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")))));
    }
}
