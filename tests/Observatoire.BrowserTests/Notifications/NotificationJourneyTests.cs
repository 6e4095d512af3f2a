using Microsoft.EntityFrameworkCore;
using Observatoire.IntegrationTests.Infrastructure;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Notifications;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.BrowserTests.Notifications;

/// <summary>
/// Issue #16's « done when », on a portal of its own that mails to an SMTP server started by the test, with a clock the
/// test moves: Coordination returns an observation, and the contributor finds the notice in the portal and in the mail
/// received; the contributor takes wiki changes as a daily digest, two pages change, and one digest arrives with both —
/// though the mail server was stopped when it was first sent.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class NotificationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_returned_observation_and_a_daily_wiki_digest_reach_the_contributor_and_nothing_is_lost_while_smtp_is_down()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        // A whole second, a minute ahead: what the portal writes now is due for the sender.
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60));
        await using var portal = await browser.StartEmptyPortalAsync("obs_notify", settings: smtp.Settings,
            services: s => s.AddSingleton<TimeProvider>(clock));
        var scopes = portal.Services.GetRequiredService<IServiceScopeFactory>();
        Task Round() => NotificationWorker.RunOnceAsync(scopes, CancellationToken.None);

        var structure = await Seed(portal, db =>
        {
            var tours = db.Territories.Add(new Territory { Name = "Tours", Slug = "tours", Kind = TerritoryKind.Municipality }).Entity;
            return db.Structures.Add(new Structure { Name = "Association Résoudre", Slug = "association-resoudre", Territory = tours }).Entity;
        });
        var contributorEmail = await BrowserFixture.CreateAccount(portal.Services, "contributeur", "Karim", Roles.Contributeur, structure.Id);
        var coordinationEmail = await BrowserFixture.CreateAccount(portal.Services, "coordination", "Inès", Roles.Coordination);
        var contributorId = await Seed(portal, db => db.Users.Where(u => u.Email == contributorEmail).Select(u => u.Id).SingleAsync());
        var observation = await Seed(portal, db =>
        {
            var o = db.Observations.Add(new Observation
            {
                Title = "Atelier Pix au Sanitas", StructureId = structure.Id, TerritoryId = structure.TerritoryId!.Value,
                ObservedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), Status = ObservationStatus.Submitted,
                ParticipantsCount = 6, AppropriationLevel = AppropriationLevel.GettingStarted, Description = "Séance collective.", CreatedById = contributorId,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).Entity;
            return Task.FromResult(o);
        });
        var violations = new List<string>();

        // Coordination returns the observation with a comment.
        var coordination = await SignIn(portal.BaseUrl, coordinationEmail);
        await coordination.GotoAsync($"/observations/{observation.Id}");
        await coordination.GetByLabel("Ou la renvoyer à son auteur, avec un commentaire").FillAsync("Précisez le public accueilli.");
        await BrowserFixture.Submit(coordination.GetByRole(AriaRole.Button, new() { Name = "Renvoyer à l'auteur" }), url => url.Contains("/observations/a-valider"));
        await coordination.Context.CloseAsync();

        await Round();
        var returned = Assert.Single(smtp.Received);
        Assert.Equal(contributorEmail, returned.To.Mailboxes.Single().Address);
        Assert.Equal("Votre observation « Atelier Pix au Sanitas » vous est renvoyée", returned.Subject);
        Assert.Contains("Précisez le public accueilli.", returned.TextBody);

        // The contributor finds it in the portal too, on a phone.
        var contributor = await SignIn(portal.BaseUrl, contributorEmail, 360);
        // The header's count, read as a screen reader announces it.
        var headerLink = contributor.GetByRole(AriaRole.Link, new() { Name = "Notifications 1 non lue", Exact = true });
        Assert.Equal(1, await headerLink.CountAsync());
        await headerLink.ClickAsync();
        var notice = contributor.Locator("main .notifications li").First;
        Assert.Contains("Précisez le public accueilli.", await notice.InnerTextAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(contributor, "centre de notifications"));
        await BrowserFixture.Screenshot(contributor, "notifications-phone.png");

        // Wiki changes as a daily digest.
        await contributor.GotoAsync("/compte/notifications");
        violations.AddRange(await BrowserFixture.SeriousViolations(contributor, "préférences"));
        await contributor.GetByRole(AriaRole.Group, new() { Name = "Les pages du wiki que je suis" }).GetByLabel("Résumé quotidien").CheckAsync();
        await BrowserFixture.Submit(contributor.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }), url => url.EndsWith("/compte/notifications"));
        Assert.True(await contributor.GetByRole(AriaRole.Group, new() { Name = "Les pages du wiki que je suis" }).GetByLabel("Résumé quotidien").IsCheckedAsync());
        await contributor.Context.CloseAsync();

        // Two watched pages change.
        await Seed(portal, async db =>
        {
            var coordinationId = await db.Users.Where(u => u.Email == coordinationEmail).Select(u => u.Id).SingleAsync();
            foreach (var title in new[] { "Ateliers numériques", "Outils libres" })
            {
                var page = new WikiPage { Title = title, Slug = Slug.From(title), Visibility = WikiVisibility.Members };
                await WikiStore.SaveRevisionAsync(db, page, title, "Première version.", null, coordinationId, DateTime.UtcNow, default);
                db.WikiWatches.Add(new WikiWatch { UserId = contributorId, PageId = page.Id });
                await db.SaveChangesAsync();
                await WikiStore.SaveRevisionAsync(db, page, title, "Deuxième version.", "Compléments", coordinationId, DateTime.UtcNow, default);
            }
            return 0;
        });
        await Round();
        Assert.Single(smtp.Received);

        // The next morning the digest is built while the mail server is down: it waits, and is sent once when it is back.
        await smtp.StopAsync();
        clock.Now = new DateTimeOffset(ParisTime.ToUtc(ParisTime.Today(clock.Now.UtcDateTime).AddDays(1), new TimeOnly(8, 0))!.Value);
        await Round();
        var waiting = await Seed(portal, db => db.MailMessages.AsNoTracking().SingleAsync(m => m.SentAt == null));
        Assert.Equal("Votre résumé quotidien : 2 notifications", waiting.Subject);
        Assert.Equal(1, waiting.Attempts);
        await smtp.StartAsync();
        clock.Advance(OutboxSender.FirstWait);
        await Round();
        await Round();

        Assert.Equal(2, smtp.Received.Count);
        var digest = Assert.Single(smtp.Received, m => m.Subject!.StartsWith("Votre résumé quotidien", StringComparison.Ordinal));
        Assert.Equal("Votre résumé quotidien : 2 notifications", digest.Subject);
        Assert.Contains("Page modifiée : Ateliers numériques", digest.TextBody);
        Assert.Contains("Page modifiée : Outils libres", digest.TextBody);
        Assert.Equal(2, await Seed(portal, db => db.MailMessages.CountAsync(m => m.SentAt != null)));

        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }

    private async Task<IPage> SignIn(string baseUrl, string email, int width = 1280)
    {
        var page = await browser.NewPage(baseUrl, width, 800);
        await BrowserFixture.SignIn(page, email);
        return page;
    }

    private static async Task<T> Seed<T>(BrowserFixture.EmptyPortal portal, Func<ObservatoireDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var result = await work(db);
        await db.SaveChangesAsync();
        return result;
    }

    private static Task<T> Seed<T>(BrowserFixture.EmptyPortal portal, Func<ObservatoireDbContext, T> work) =>
        Seed(portal, db => Task.FromResult(work(db)));
}
