using Microsoft.AspNetCore.Identity;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.BrowserTests.Wiki;

[Collection(nameof(BrowserCollection))]
public class EditConflictTests(BrowserFixture browser)
{
    private const string Password = "Navigateur-Wiki-2026";

    private async Task<string> Account(string role)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"wiki-{Guid.NewGuid():N}@test.fr";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{role} {email[5..9]}", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    private async Task<IPage> SignedIn(string email)
    {
        var page = await browser.NewPage(390, 844);
        await BrowserFixture.SignIn(page, email, Password);
        return page;
    }

    [Fact]
    public async Task Two_people_editing_the_same_lines_the_second_sees_the_conflict_and_loses_nothing()
    {
        var slug = $"bilan-{Guid.NewGuid():N}"[..20];
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
            await WikiStore.SaveRevisionAsync(db, new WikiPage { Title = "Bilan de l'atelier", Slug = slug, Visibility = WikiVisibility.Public },
                "Bilan de l'atelier", "## Résultats\n\nÀ venir.", null, null, DateTime.UtcNow, default);
        }
        var firstEmail = await Account(Roles.Contributeur);
        var first = await SignedIn(firstEmail);
        var second = await SignedIn(await Account(Roles.Coordination));
        await first.GotoAsync($"/wiki/{slug}/modifier");
        await second.GotoAsync($"/wiki/{slug}/modifier");

        await first.FillAsync("textarea[name='Input.Markdown']", "## Résultats\n\nQuarante contributeurs formés.");
        await BrowserFixture.Submit(first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }), $"**/wiki/{slug}");
        const string mine = "## Résultats\n\nUne Agora qui publie chaque semaine.";
        await second.FillAsync("textarea[name='Input.Markdown']", mine);
        await second.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await second.WaitForSelectorAsync(".conflict");
        var heading = await second.Locator(".conflict h2").TextContentAsync();
        var kept = await second.Locator("textarea[name='Input.Markdown']").InputValueAsync();
        var theirs = await second.Locator("textarea#autre-version").InputValueAsync();
        // #17.12: who wrote the other version, a link to it, and each side's change under its own name.
        var intro = await second.Locator(".conflict h2 + p").InnerTextAsync();
        var theirLink = await second.Locator(".conflict h2 + p a").GetAttributeAsync("href");
        var theirChange = string.Join(" ", await second.Locator("#sa-modification ins").AllInnerTextsAsync());
        var yourChange = string.Join(" ", await second.Locator("#votre-modification ins").AllInnerTextsAsync());
        var disputed = await second.Locator("#fusion .merge-conflict").InnerTextAsync();
        var results = await second.RunAxe();
        await BrowserFixture.Screenshot(second, "wiki-conflict-phone.png");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();

        Assert.Contains("Quelqu'un a modifié cette page", heading);
        Assert.StartsWith($"Contributeur {firstEmail[5..9]} a enregistré la version 2", intro);
        Assert.Equal($"/wiki/{slug}/version/2", theirLink);
        Assert.Contains("Quarante", theirChange);
        Assert.DoesNotContain("Agora", theirChange);
        Assert.Contains("Agora", yourChange);
        Assert.DoesNotContain("Quarante", yourChange);
        Assert.Contains("Quarante contributeurs formés.", disputed);
        Assert.Contains("Une Agora qui publie chaque semaine.", disputed);
        Assert.Equal(mine, kept.Replace("\r\n", "\n"));
        Assert.Equal("## Résultats\n\nQuarante contributeurs formés.", theirs.Replace("\r\n", "\n"));
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")))));
    }
}
