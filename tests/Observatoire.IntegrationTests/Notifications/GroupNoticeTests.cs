using Observatoire.IntegrationTests.Groups;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>A group's join requests and approvals are notices: in the centre, mailed per the person's choice, stoppable per kind.</summary>
public class GroupNoticeTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_request_and_its_approval_reach_the_right_people_once_and_their_mail_follows_their_choice()
    {
        var animateur = await Portal.CreateUser(Roles.Contributeur);
        var bystander = await Portal.CreateUser(Roles.Coordination);
        await Portal.Group(members: (animateur, GroupRole.Facilitator));
        var member = await Portal.CreateUser(Roles.Partenaire);
        using var animateurClient = await Portal.SignIn(animateur.Email!);
        using var memberClient = await Portal.SignIn(member.Email!);
        await animateurClient.Choose(NotificationKind.GroupRequest, NotificationDelivery.Never);

        (await memberClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Join']")).AssertRedirect();
        var request = Assert.Single(await Portal.Db(db => db.Notifications.Where(n => n.Kind == NotificationKind.GroupRequest).ToListAsync()));
        Assert.Equal((animateur.Id, "Demande pour rejoindre « Groupe méthode »", "Partenaire de test demande à rejoindre le groupe « Groupe méthode »."),
            (request.UserId, request.Title, request.Text));
        Assert.Contains("Demande pour rejoindre « Groupe méthode »", (await animateurClient.GetHtml("/notifications")).QuerySelector("main .notifications")!.Text());
        (await animateurClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Approve']")).AssertRedirect();

        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.RoundAsync(DateTime.UtcNow.AddDays(1));
        await Portal.SendAsync(smtp);

        // The animateur chose « jamais » for requests: no mail; the member's default for approvals is « immédiatement ».
        var mail = Assert.Single(smtp.Received);
        Assert.Equal((member.Email, "Bienvenue dans « Groupe méthode »"), (mail.To.Mailboxes.Single().Address, mail.Subject));
        Assert.Contains("http://localhost/groupes/groupe-methode", mail.TextBody);
        Assert.Contains("Ne plus recevoir les courriels sur vos demandes pour rejoindre un groupe", mail.TextBody);
        Assert.False(await Portal.Db(db => db.Notifications.AnyAsync(n => n.UserId == bystander.Id)));

        using var stopped = await Portal.CreateClient().PostAsync(new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var preference = await Portal.Db(db => db.NotificationPreferences.SingleAsync(p => p.UserId == member.Id));
        Assert.Equal((NotificationKind.GroupJoined, NotificationDelivery.Never), (preference.Kind, preference.Delivery));
    }
}
