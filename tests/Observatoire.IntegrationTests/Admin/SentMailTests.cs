namespace Observatoire.IntegrationTests.Admin;

/// <summary>
/// The test machine runs in UTC, like the server: a page that prints an instant in server time shows 10 h 18
/// for an instant of 12 h 18 in Paris (summer time, UTC+2), and a late-evening UTC date the day before Paris.
/// </summary>
public class SentMailTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>12 h 18 in Paris on 1 July 2026.</summary>
    private static readonly DateTime Noon = new(2026, 7, 1, 10, 18, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_sent_mail_page_shows_the_Paris_hour()
    {
        await Portal.Db(db =>
        {
            db.MailMessages.Add(new MailMessage { To = "lea@exemple.fr", Subject = "Invitation", Body = "Bonjour", CreatedAt = Noon });
            return db.SaveChangesAsync();
        });
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        var summary = (await admin.GetHtml("/admin/courriels")).QuerySelector("main details summary")!.Text();

        Assert.Contains("1er juillet 2026 à 12 h 18", summary);
        Assert.DoesNotContain("10:18", summary);
    }
}
