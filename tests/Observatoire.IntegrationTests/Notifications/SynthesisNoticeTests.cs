using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Syntheses;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>
/// « Données modifiées depuis »: the person who generated a synthesis and those who downloaded it learn once per change that
/// its data changed.
/// </summary>
public class SynthesisNoticeTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>A synthesis of the last month as <paramref name="by"/> generated it now, with today's fingerprint.</summary>
    private Task<string> Generated(AppUser by) => Portal.Db(async db =>
    {
        var today = ParisTime.Today(DateTime.UtcNow);
        var request = new SynthesisRequest { From = today.AddDays(-30), To = today };
        var synthesis = new Synthesis
        {
            Year = today.Year, Number = 1, Reference = $"SYN-{today.Year}-0001", Title = "Bilan du mois", Parameters = request.ToJson(),
            GeneratedAt = DateTime.UtcNow, GeneratedById = by.Id, GeneratedByName = by.DisplayName, PageCount = 4, Pdf = [1, 2, 3],
            Fingerprint = await SynthesisContent.CurrentFingerprintAsync(db, request, 5, default),
        };
        db.Syntheses.Add(synthesis);
        await db.SaveChangesAsync();
        return synthesis.Reference;
    });

    private Task Recount(string title, int participants) => Portal.Db(db =>
        db.Observations.Where(o => o.Title == title).ExecuteUpdateAsync(o => o.SetProperty(x => x.ParticipantsCount, participants)));

    private Task<List<Notification>> Notices() =>
        Portal.Db(db => db.Notifications.Where(n => n.Kind == NotificationKind.SynthesisDataChanged).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task The_person_who_generated_a_synthesis_and_those_who_downloaded_it_learn_once_per_change_that_its_data_changed()
    {
        await Portal.Seed(s => s.Observation("Atelier Pix"));
        var author = await Portal.CreateUser(Roles.Partenaire);
        var other = await Portal.CreateUser(Roles.Partenaire);
        var reference = await Generated(author);
        // A Coordination member downloads it twice: one reader. The author's own download adds no second notice.
        var reader = await Portal.CreateUser(Roles.Coordination);
        var readerClient = await Portal.SignIn(reader.Email!);
        var authorClient = await Portal.SignIn(author.Email!);
        foreach (var client in new[] { readerClient, readerClient, authorClient })
        {
            using var pdf = await client.GetAsync($"/syntheses/{reference}.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        }
        Assert.Equal(2, await Portal.Db(db => db.SynthesisDownloads.CountAsync()));

        // Unchanged data: nothing.
        await Portal.RoundAsync(DateTime.UtcNow);
        Assert.Empty(await Notices());

        await Recount("Atelier Pix", 12);
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.RoundAsync(DateTime.UtcNow);
        var notices = await Notices();
        Assert.Equal(new[] { author.Id, reader.Id }.Order(StringComparer.Ordinal), notices.Select(n => n.UserId).Order(StringComparer.Ordinal));
        var notice = notices.Single(n => n.UserId == author.Id);
        Assert.Equal(($"Données modifiées depuis la synthèse {reference}", "/syntheses#precedentes"), (notice.Title, notice.Link));
        Assert.StartsWith("« Bilan du mois », produite le ", notice.Text);
        Assert.Empty(await Portal.Db(db => db.Notifications.Where(n => n.UserId == other.Id).ToListAsync()));

        // A partner's default is the daily digest: tomorrow morning's holds it, once.
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Portal.RoundAsync(DateTime.UtcNow.AddDays(1));
        await Portal.RoundAsync(DateTime.UtcNow.AddDays(1));
        await Portal.SendAsync(smtp);
        var mail = Assert.Single(smtp.Received, m => m.To.Mailboxes.Single().Address == author.Email);
        Assert.Equal((author.Email, "Votre résumé quotidien : 1 notification"), (mail.To.Mailboxes.Single().Address, mail.Subject));
        Assert.Contains($"Données modifiées depuis la synthèse {reference}", mail.TextBody);
        Assert.Contains("http://localhost/syntheses#precedentes", mail.TextBody);

        // A further change notifies again.
        await Recount("Atelier Pix", 14);
        await Portal.RoundAsync(DateTime.UtcNow);
        Assert.Equal(4, (await Notices()).Count);
    }
}
