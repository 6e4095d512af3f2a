using Deque.AxeCore.Commons;

namespace Observatoire.BrowserTests.Events;

[Collection(nameof(BrowserCollection))]
public class RegistrationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_registers_for_an_open_event_on_a_phone()
    {
        var title = $"Atelier carte des lieux d'aide {Guid.NewGuid():N}"[..48];
        var ev = await browser.Seed(s => s.Event(title, capacity: 12));
        var page = await browser.NewPage(390, 844);

        await page.GotoAsync("/evenements");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = title }));
        var before = await page.RunAxe();
        await page.GetByLabel("Votre nom").FillAsync("Fatou Sylla");
        await page.GetByLabel("Votre courriel").FillAsync("fatou.sylla@exemple.fr");
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "M'inscrire" }), $"**/evenements/{ev.Slug}#inscription");
        var status = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        var after = await page.RunAxe();
        await BrowserFixture.Screenshot(page, "evenement-inscription-phone.png");
        await page.Context.CloseAsync();

        Assert.Contains("Votre inscription est confirmée", status);
        AssertNoSeriousViolation(before);
        AssertNoSeriousViolation(after);
    }

    private static void AssertNoSeriousViolation(AxeResult results)
    {
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")))));
    }
}
