namespace Observatoire.BrowserTests.Security;

/// <summary>
/// #21.3: what people type — an 8,000-character word, a 1,000-character address, a 120-character tool name — wraps on
/// a 360 px phone instead of widening the page (a sample of the hostile corpus on the directory and the events).
/// </summary>
[Collection(nameof(BrowserCollection))]
public class LongWordsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Long_words_and_addresses_wrap_at_360_px_on_every_page_that_shows_them()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var word = new string('m', 5000);   // with the address, under the descriptions' 8,000 characters
        var address = "https://exemple.org/" + new string('u', 980);
        var (structure, tool, ev) = await browser.Seed(s =>
        {
            var structure = s.Structure($"Centre {id} {new string('c', 70)}");
            structure.Description = $"{word}\n\nVoir {address} et [ce lien]({address}).";
            var tool = s.Tool($"Outil{id}{new string('o', 100)}", licence: null);
            tool.Description = word;
            var ev = s.Event($"Atelier {id} {new string('e', 150)}");
            ev.Description = $"{word} {address}";
            ev.Place = new string('p', 150);
            return (structure, tool, ev);
        });
        var page = await browser.NewPage(360, 780);
        var overflows = new List<string>();

        foreach (var url in new[]
        {
            $"/annuaire/structures/{structure.Slug}", "/annuaire/structures", $"/annuaire/outils/{tool.Slug}", "/annuaire/outils",
            "/evenements", $"/evenements/{ev.Slug}", "/",
        })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0) overflows.Add($"{url} : {overflow} px de trop");
        }
        await BrowserFixture.Screenshot(page, "mots-longs-360.png", fullPage: false);
        await page.Context.CloseAsync();

        Assert.True(overflows.Count == 0, "Pages qui débordent à 360 px :\n" + string.Join("\n", overflows));
    }
}
