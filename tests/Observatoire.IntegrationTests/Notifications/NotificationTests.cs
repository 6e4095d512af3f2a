using Microsoft.Extensions.DependencyInjection;
using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Wiki;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Notifications;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>The notices the workflow writes, the centre (per person), the mails they become, digests and one-click unsubscribe.</summary>
public class NotificationTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Comment = "Précisez le public accueilli, sans nommer personne.";

    /// <summary>Tomorrow 8 h in Paris: the daily digest of today's notices is due.</summary>
    private static TestClock Tomorrow() =>
        new(new DateTimeOffset(ParisTime.ToUtc(ParisTime.Today(DateTime.UtcNow).AddDays(1), new TimeOnly(8, 0))!.Value));

    private async Task<(int Id, AppUser Author, HttpClient AuthorClient)> Returned()
    {
        var world = await ObservationWorld.Create(Portal);
        var author = await Portal.CreateUser(Roles.Contributeur, world.Ours.Id);
        var authorClient = await Portal.SignIn(author.Email!);
        using var created = await authorClient.PostMainForm("/observations/nouvelle", world.Form("Atelier Pix", "soumettre"));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        using var returned = await coordination.PostMainForm($"/observations/{id}",
            new Dictionary<string, string> { ["ReviewComment"] = Comment }, "main form[action*='handler=Renvoyer']");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        return (id, author, authorClient);
    }

    [Fact]
    public async Task A_returned_observation_reaches_its_author_in_the_centre_and_as_a_proper_mail()
    {
        var (id, author, client) = await Returned();

        var header = (await client.GetHtml("/")).QuerySelector("header a[href='/notifications']")!.Text();
        Assert.Equal("Notifications 1 non lue", header);
        var centre = await client.GetHtml("/notifications");
        var notice = centre.QuerySelector("main .notifications li")!.Text();
        Assert.Contains("Votre observation « Atelier Pix » vous est renvoyée", notice);
        Assert.Contains(Comment, notice);

        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Portal.Scope(sp => sp.GetRequiredService<NotificationMailer>().RunAsync(default));
        await Portal.SendAsync(smtp);

        var mail = Assert.Single(smtp.Received);
        Assert.Equal(author.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Votre observation « Atelier Pix » vous est renvoyée", mail.Subject);
        Assert.Contains(Comment, mail.TextBody);
        Assert.Contains($"http://localhost/observations/{id}", mail.TextBody);
        Assert.Contains(Comment, mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^<http://localhost/notifications/desabonnement\\?jeton=[^>]+>$", mail.Headers["List-Unsubscribe"]);
        // A second round mails nothing more: the notice was mailed once.
        await Portal.Scope(sp => sp.GetRequiredService<NotificationMailer>().RunAsync(default));
        Assert.Equal(1, await Portal.Db(db => db.MailMessages.CountAsync(m => m.To == author.Email)));
    }

    [Fact]
    public async Task Nobody_reads_or_marks_another_persons_notification()
    {
        var (_, author, authorClient) = await Returned();
        var noticeId = await Portal.Db(db => db.Notifications.Where(n => n.UserId == author.Id).Select(n => n.Id).SingleAsync());
        var other = await Portal.SignedInAs(Roles.Contributeur);

        var page = await other.GetHtml("/notifications");
        Assert.DoesNotContain("Atelier Pix", page.QuerySelector("main")!.Text());
        var token = (await other.GetHtml("/compte/notifications")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = await other.PostAsync($"/notifications?handler=Lue&id={noticeId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null(await Portal.Db(db => db.Notifications.Where(n => n.Id == noticeId).Select(n => n.ReadAt).SingleAsync()));
        // Its owner opens it: read, and on the observation.
        using var own = await authorClient.PostForm("/notifications", new Dictionary<string, string>(), "main form[action*='handler=Lue']");
        Assert.Equal($"/observations/{await Portal.Db(db => db.Observations.Select(o => o.Id).SingleAsync())}", own.Headers.Location!.OriginalString);
        Assert.NotNull(await Portal.Db(db => db.Notifications.Where(n => n.Id == noticeId).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Two_wiki_changes_reach_a_daily_reader_as_one_digest_built_once_by_two_instances()
    {
        var reader = await Portal.CreateUser(Roles.Contributeur);
        var client = await Portal.SignIn(reader.Email!);
        using (var saved = await client.PostForm("/compte/notifications", new Dictionary<string, string> { [$"Choix[{NotificationKind.WikiPageChanged}]"] = "Daily" }, "main form"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(NotificationDelivery.Daily, await Portal.Db(db => db.NotificationPreferences.Where(p => p.UserId == reader.Id).Select(p => p.Delivery).SingleAsync()));
        var first = await Portal.Page("Ateliers numériques", "Version 1");
        var second = await Portal.Page("Outils libres", "Version 1");
        await Portal.Db(db =>
        {
            db.WikiWatches.AddRange(new WikiWatch { UserId = reader.Id, PageId = first }, new WikiWatch { UserId = reader.Id, PageId = second });
            return db.SaveChangesAsync();
        });
        await Portal.Db(async db =>
        {
            foreach (var page in await db.WikiPages.ToListAsync())
                await Observatoire.Web.Pages.Wiki.WikiStore.SaveRevisionAsync(db, page, page.Title, "Version 2", "Mise à jour", null, DateTime.UtcNow, default);
        });

        // Nothing before the digest hour; then two instances build the digest at the same time.
        await Portal.Scope(sp => sp.GetRequiredService<NotificationMailer>().RunAsync(default));
        Assert.Equal(0, await Portal.Db(db => db.MailMessages.CountAsync()));
        var clock = Tomorrow();
        await Task.WhenAll(NotificationRounds.MailAsync(Portal.Factory.Services, clock), NotificationRounds.MailAsync(Portal.Hardened.Services, clock), NotificationRounds.MailAsync(Portal.Factory.Services, clock));

        var digest = await Portal.Db(db => db.MailMessages.SingleAsync());
        Assert.Equal(reader.Email, digest.To);
        Assert.Equal("Votre résumé quotidien : 2 notifications", digest.Subject);
        Assert.Contains("Page modifiée : Ateliers numériques", digest.Body);
        Assert.Contains("Page modifiée : Outils libres", digest.Body);
        Assert.Contains("/wiki/ateliers-numeriques/diff?de=1&a=2", digest.Body);
        Assert.Equal(1, await Portal.Db(db => db.NotificationDigests.CountAsync()));
        // The next day's run finds nothing new.
        clock.Advance(TimeSpan.FromDays(1));
        await NotificationRounds.MailAsync(Portal.Factory.Services, clock);
        Assert.Equal(1, await Portal.Db(db => db.MailMessages.CountAsync()));
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_then_stops_that_kind_for_that_person_only_without_signing_in()
    {
        var (_, author, _) = await Returned();
        var other = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Scope(sp => sp.GetRequiredService<NotificationMailer>().RunAsync(default));
        var url = new Uri(await Portal.Db(db => db.MailMessages.Where(m => m.To == author.Email).Select(m => m.UnsubscribeUrl!).SingleAsync()));
        var anonymous = Portal.CreateClient();

        var confirm = await anonymous.GetHtml(url.PathAndQuery);
        Assert.Contains("Mes observations validées ou renvoyées", confirm.QuerySelector("main")!.Text());
        Assert.False(await Portal.Db(db => db.NotificationPreferences.AnyAsync()));

        // The mail provider's one-click POST (RFC 8058): no cookie, no antiforgery token.
        using var oneClick = await anonymous.PostAsync(url.PathAndQuery, new StringContent("List-Unsubscribe=One-Click",
            System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var preference = await Portal.Db(db => db.NotificationPreferences.SingleAsync());
        Assert.Equal((author.Id, NotificationKind.ObservationReviewed, NotificationDelivery.Never), (preference.UserId, preference.Kind, preference.Delivery));

        // A token altered, or made for someone else's kind by anyone without the keys, is refused and changes nothing.
        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["jeton"]!;
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        using var refused = await anonymous.PostAsync($"/notifications/desabonnement?jeton={Uri.EscapeDataString(tampered)}", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ce lien de désabonnement n'est pas valide", (await refused.ReadHtml()).QuerySelector("main")!.Text());
        var foreign = new UnsubscribeTokens(Microsoft.AspNetCore.DataProtection.DataProtectionProvider.Create("ailleurs"))
            .For(other.Id, [NotificationKind.WikiPageChanged]);
        using var forged = await anonymous.PostAsync($"/notifications/desabonnement?jeton={Uri.EscapeDataString(foreign)}", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await Portal.Db(db => db.NotificationPreferences.CountAsync()));
    }

    [Fact]
    public async Task A_person_chooses_per_kind_and_sees_the_defaults_of_their_role()
    {
        var client = await Portal.SignedInAs(Roles.Coordination);

        var page = await client.GetHtml("/compte/notifications");
        var legends = page.QuerySelectorAll("main fieldset legend").Select(l => l.Text()).ToList();
        Assert.Equal(11, legends.Count);
        Assert.All(legends, l => Assert.EndsWith("(réglage par défaut de votre rôle)", l));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#choix-ObservationReviewed-Immediate")!).IsChecked);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#choix-ObservationsToValidate-Daily")!).IsChecked);

        using var saved = await client.PostForm("/compte/notifications", new Dictionary<string, string> { ["Choix[ToolProposals]"] = "Never" }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)(await client.GetHtml("/compte/notifications")).QuerySelector("#choix-ToolProposals-Never")!).IsChecked);

        // A contributor is not offered Coordination's kinds, and cannot set them by hand.
        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        Assert.Equal(7, (await contributor.GetHtml("/compte/notifications")).QuerySelectorAll("main fieldset").Length);
        using var refused = await contributor.PostForm("/compte/notifications", new Dictionary<string, string> { ["Choix[ToolProposals]"] = "Immediate" }, "main form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await Portal.Db(db => db.NotificationPreferences.CountAsync()));
    }
}
