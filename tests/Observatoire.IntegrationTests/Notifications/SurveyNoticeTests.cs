using Observatoire.IntegrationTests.Surveys;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>Coordination's notices about its surveys: closing soon, and the threshold of responses reached, each once.</summary>
public class SurveyNoticeTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Secret = "Jeanne Durand, 06 12 34 56 78";

    private Task<List<Notification>> Notices(NotificationKind kind) =>
        Portal.Db(db => db.Notifications.Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    private Task CloseIn(TestSurvey s, TimeSpan span) => Portal.Db(db =>
        db.Surveys.Where(x => x.Id == s.Id).ExecuteUpdateAsync(x => x.SetProperty(v => v.ClosesAt, DateTime.UtcNow + span)));

    private Task Respond(TestSurvey s, int count) => Portal.Db(db =>
    {
        for (var i = 0; i < count; i++)
            db.Responses.Add(new Response
            {
                SurveyId = s.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = DateTime.UtcNow.Date,
                Answers = [new Answer { QuestionId = s.Comment, Text = Secret }],
            });
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task Coordination_learns_once_that_a_survey_closes_within_three_days()
    {
        var soon = await Portal.Survey(title: "Usages au Sanitas");
        var later = await Portal.Survey(title: "Usages à la Rabière");
        await CloseIn(soon, TimeSpan.FromDays(2));
        await CloseIn(later, TimeSpan.FromDays(10));
        var coordinator = await Portal.CreateUser(Roles.Coordination);
        var refuser = await Portal.CreateUser(Roles.Coordination);
        var contributor = await Portal.CreateUser(Roles.Contributeur);
        using (var client = await Portal.SignIn(refuser.Email!))
            await client.Choose(NotificationKind.SurveyManaged, NotificationDelivery.Never);

        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.SendAsync(smtp);

        var notices = await Notices(NotificationKind.SurveyManaged);
        // Both managers find it in the portal; « jamais » only stops the mail.
        Assert.Equal(new[] { coordinator.Id, refuser.Id }.Order(), notices.Select(n => n.UserId).Order());
        Assert.Equal(NotificationDelivery.Never, notices.Single(n => n.UserId == refuser.Id).Delivery);
        Assert.All(notices, n => Assert.StartsWith("L'enquête « Usages au Sanitas » ferme le ", n.Title));
        Assert.DoesNotContain(notices, n => n.UserId == contributor.Id);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(coordinator.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("0 réponse à ce jour.", mail.TextBody);
        Assert.Contains($"http://localhost/enquetes/gestion/{soon.Id}", mail.TextBody);
        Assert.Contains("Ne plus recevoir les courriels sur les enquêtes que vous gérez", mail.TextBody);
    }

    [Fact]
    public async Task Coordination_learns_once_that_a_survey_reached_the_threshold_and_nothing_about_who_answered()
    {
        var survey = await Portal.Survey(title: "Usages au Sanitas");
        var coordinator = await Portal.CreateUser(Roles.Coordination);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Respond(survey, 4);

        await Portal.RoundAsync(DateTime.UtcNow);
        Assert.Empty(await Notices(NotificationKind.SurveyManaged));
        await Respond(survey, 1);
        await Portal.RoundAsync(DateTime.UtcNow);
        await Respond(survey, 1);
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.SendAsync(smtp);

        var notice = Assert.Single(await Notices(NotificationKind.SurveyManaged));
        Assert.Equal((coordinator.Id, "L'enquête « Usages au Sanitas » a atteint 5 réponses"), (notice.UserId, notice.Title));
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("L'enquête « Usages au Sanitas » a atteint 5 réponses", mail.Subject);
        Assert.Contains($"http://localhost/enquetes/gestion/{survey.Id}/resultats", mail.TextBody);
        Assert.DoesNotContain("Jeanne", mail.TextBody + mail.HtmlBody);
        Assert.DoesNotContain("06 12", mail.TextBody + mail.HtmlBody);
        Assert.DoesNotContain(await Portal.Db(db => db.Notifications.Select(n => n.Title + n.Text).ToListAsync()), t => t.Contains("Jeanne"));
    }
}
