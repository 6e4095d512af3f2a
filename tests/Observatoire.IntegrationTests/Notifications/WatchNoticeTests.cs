using Observatoire.IntegrationTests.Watch;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Notifications;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>The watch's notices: a comment reaches those who follow the item; the week's items reach everyone on Monday.</summary>
public class WatchNoticeTests(PortalFixture portal) : PortalTest(portal)
{
    private Task Comment(HttpClient client, int id, string text) =>
        client.PostForm($"/veille/{id}", new Dictionary<string, string> { ["Comment"] = text }, "form[action*='handler=Comment']");

    private Task<List<string>> Notices(AppUser user, NotificationKind kind) =>
        Portal.Db(db => db.Notifications.Where(n => n.UserId == user.Id && n.Kind == kind).Select(n => n.Title + "\n" + n.Text).ToListAsync());

    [Fact]
    public async Task A_comment_reaches_the_poster_and_earlier_commenters_only_and_their_mail_follows_their_choice()
    {
        var poster = await Portal.CreateUser(Roles.Contributeur);
        var first = await Portal.CreateUser(Roles.Partenaire);
        var second = await Portal.CreateUser(Roles.Contributeur);
        var bystander = await Portal.CreateUser(Roles.Partenaire);
        var id = await Portal.WatchItem(title: "Les Bons Clics", postedById: poster.Id);
        using var posterClient = await Portal.SignIn(poster.Email!);
        using var firstClient = await Portal.SignIn(first.Email!);
        using var secondClient = await Portal.SignIn(second.Email!);
        await posterClient.Choose(NotificationKind.WatchComment, NotificationDelivery.Immediate);
        await firstClient.Choose(NotificationKind.WatchComment, NotificationDelivery.Never);

        await Comment(firstClient, id, "Testé au Sanitas : très clair.");
        await Comment(secondClient, id, "Aussi à la Rabière.");

        Assert.Equal(2, (await Notices(poster, NotificationKind.WatchComment)).Count);
        Assert.Equal("Nouveau commentaire sur « Les Bons Clics »\nContributeur de test : Aussi à la Rabière.", Assert.Single(await Notices(first, NotificationKind.WatchComment)));
        Assert.Empty(await Notices(second, NotificationKind.WatchComment));
        Assert.Empty(await Notices(bystander, NotificationKind.WatchComment));
        Assert.Contains("Nouveau commentaire sur « Les Bons Clics »", (await firstClient.GetHtml("/notifications")).QuerySelector("main .notifications")!.Text());

        // The poster chose « immédiatement »: two mails; the first commenter chose « jamais »: none, even in tomorrow's digest.
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.RoundAsync(DateTime.UtcNow.AddDays(1));
        var mails = await Portal.Db(db => db.MailMessages.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([poster.Email, poster.Email], mails.Select(m => m.To));
        Assert.Contains("Testé au Sanitas : très clair.", mails[0].Body);
        Assert.Contains($"http://localhost/veille/{id}#commentaires", mails[0].Body);
        Assert.Contains("Ne plus recevoir les courriels sur les commentaires des liens de veille que vous suivez", mails[0].Body);
    }

    [Fact]
    public async Task The_weeks_watch_reaches_everyone_once_on_monday_but_those_who_chose_never_and_can_be_stopped_from_its_mail()
    {
        var monday = NotificationMailer.Period(NotificationDelivery.Weekly, DateTime.UtcNow, 7).Start;
        DateTime At(DateOnly day, int hour) => ParisTime.ToUtc(day, new TimeOnly(hour, 0))!.Value;
        await Portal.WatchItem(title: "Les Bons Clics", publishedAt: At(monday.AddDays(-6), 10));
        await Portal.WatchItem(title: "Pix pour les aidants", publishedAt: At(monday.AddDays(-1), 20));
        await Portal.WatchItem(title: "Plus ancien", publishedAt: At(monday.AddDays(-15), 10));
        await Portal.WatchItem(title: "Cette semaine", publishedAt: At(monday, 9));
        await Portal.WatchItem(WatchStatus.ToReview, title: "À examiner");
        var partner = await Portal.CreateUser(Roles.Partenaire);
        var coordinator = await Portal.CreateUser(Roles.Coordination);
        var refuser = await Portal.CreateUser(Roles.Contributeur);
        using (var client = await Portal.SignIn(refuser.Email!)) await client.Choose(NotificationKind.WatchWeek, NotificationDelivery.Never);

        // Before the digest hour on Monday, the week before last is looked at: it had nothing new.
        await Portal.RoundAsync(At(monday, 6));
        Assert.Equal(0, await Portal.Db(db => db.Notifications.CountAsync()));
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Portal.RoundAsync(At(monday, 8));
        await Portal.RoundAsync(At(monday, 9));
        await Portal.SendAsync(smtp);

        // Ordered as the week's page: most marked useful first, then the latest.
        var notice = Assert.Single(await Notices(partner, NotificationKind.WatchWeek));
        Assert.Equal($"La veille de la semaine du {ParisTime.DayAndMonth(monday.AddDays(-7))} : 2 liens\n– Pix pour les aidants\n– Les Bons Clics", notice);
        Assert.Single(await Notices(coordinator, NotificationKind.WatchWeek));
        Assert.Empty(await Notices(refuser, NotificationKind.WatchWeek));
        Assert.Equal([coordinator.Email, partner.Email], smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
        var mail = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == partner.Email);
        Assert.Contains("Pix pour les aidants", mail.TextBody);
        Assert.DoesNotContain("Plus ancien", mail.TextBody);
        Assert.DoesNotContain("Cette semaine", mail.TextBody);
        Assert.Contains($"http://localhost/veille/semaine?semaine={Observatoire.Web.Pages.Watch.WeekModel.Key(monday.AddDays(-7))}", mail.TextBody);

        // The mail's one-click link stops this kind for the partner: next week's watch reaches the others only.
        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using (var stopped = await Portal.CreateClient().PostAsync(unsubscribe.PathAndQuery, new StringContent("List-Unsubscribe=One-Click",
                   System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")))
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(NotificationDelivery.Never, await Portal.Db(db => db.NotificationPreferences
            .Where(p => p.UserId == partner.Id && p.Kind == NotificationKind.WatchWeek).Select(p => p.Delivery).SingleAsync()));
        await Portal.RoundAsync(At(monday.AddDays(7), 8));
        await Portal.SendAsync(smtp);
        Assert.Single(await Notices(partner, NotificationKind.WatchWeek));
        Assert.Equal(2, (await Notices(coordinator, NotificationKind.WatchWeek)).Count);
        Assert.Equal(3, smtp.Received.Count);
    }
}
