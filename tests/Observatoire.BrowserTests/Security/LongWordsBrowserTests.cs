using Observatoire.Web.Pages.Wiki;

namespace Observatoire.BrowserTests.Security;

/// <summary>
/// #21.3: what people type — an 8,000-character word, a 1,000-character address shown as a link's text, 70-character
/// tokens in titles, a 120-character tool name — wraps on a 360 px phone instead of widening the page: on a structure,
/// the tool list, the events, the watch list and a watch item, a wiki page and the recent changes.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class LongWordsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Long_words_and_addresses_wrap_at_360_px_on_every_page_that_shows_them()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var word = new string('m', 8000);
        var address = "https://exemple.org/" + new string('u', 980);
        var token = new string('t', 70);
        var (structure, tool, ev, item) = await browser.Seed(s =>
        {
            var structure = s.Structure($"Centre {id} {new string('c', 70)}");
            // The address as the link's own text, and a word as long as the description leaves room for.
            structure.Description = $"{new string('m', 4900)}\n\nVoir [{address}]({address}) ou {address}.";
            var tool = s.Tool($"Outil{id}{new string('o', 100)}", licence: null);
            tool.Description = word;
            var ev = s.Event($"Atelier {id} {new string('e', 150)}");
            ev.Description = $"{word} [{address}]({address})";
            ev.Place = new string('p', 150);
            var item = s.Add(new WatchItem
            {
                Url = address, Title = $"Veille {id} {token}", Note = $"{new string('n', 3000)} {address[..900]}",
                Status = WatchStatus.Published, CreatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            });
            return (structure, tool, ev, item);
        });
        var slug = $"mots-longs-{id}";
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
            await WikiStore.SaveRevisionAsync(db, new WikiPage { Title = $"Page {id} {token}", Slug = slug, Visibility = WikiVisibility.Public },
                $"Page {id} {token}", $"{word}\n\n[{address}]({address})\n\n{address}", $"Résumé {token}", null, DateTime.UtcNow, default);
        }
        var page = await browser.NewPage(360, 780);
        var overflows = new List<string>();

        foreach (var url in new[]
        {
            $"/annuaire/structures/{structure.Slug}", "/annuaire/structures", $"/annuaire/outils/{tool.Slug}", "/annuaire/outils",
            "/evenements", $"/evenements/{ev.Slug}", "/veille", $"/veille/{item.Id}", $"/wiki/{slug}", "/wiki/modifications-recentes", "/",
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
