namespace Observatoire.IntegrationTests.Notifications;

/// <summary>The day before an event, members with a seat are reminded of it, once, mailed per their choice.</summary>
public class EventNoticeTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Members_with_a_seat_are_reminded_once_the_day_before_and_those_who_chose_never_get_no_mail()
    {
        var seated = await Portal.CreateUser(Roles.Contributeur);
        var refuser = await Portal.CreateUser(Roles.Partenaire);
        var waiting = await Portal.CreateUser(Roles.Contributeur);
        var cancelled = await Portal.CreateUser(Roles.Contributeur);
        var nextWeek = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Db(db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = refuser.Id, Kind = NotificationKind.EventReminder, Delivery = NotificationDelivery.Never });
            return db.SaveChangesAsync();
        });
        await Portal.Seed(s =>
        {
            var tomorrow = s.Event("Café numérique", startsAt: DateTime.UtcNow.AddHours(20));
            var later = s.Event("Atelier Pix");
            EventRegistration Seat(Event e, string? userId, RegistrationStatus status, string? email = null) => s.Add(new EventRegistration
            {
                Event = e, UserId = userId, Email = email, Name = email is null ? null : "Visiteuse", Status = status,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            Seat(tomorrow, seated.Id, RegistrationStatus.Confirmed);
            Seat(tomorrow, refuser.Id, RegistrationStatus.Confirmed);
            Seat(tomorrow, waiting.Id, RegistrationStatus.Waitlisted);
            Seat(tomorrow, cancelled.Id, RegistrationStatus.Cancelled);
            Seat(tomorrow, null, RegistrationStatus.Confirmed, "visiteuse@exemple.fr");
            Seat(later, nextWeek.Id, RegistrationStatus.Confirmed);
        });

        await using var smtp = await TestSmtpServer.StartNewAsync();
        await Portal.RoundAsync(DateTime.UtcNow);
        await Portal.RoundAsync(DateTime.UtcNow.AddHours(1));
        await Portal.SendAsync(smtp);

        var notices = await Portal.Db(db => db.Notifications.Where(n => n.Kind == NotificationKind.EventReminder).ToListAsync());
        Assert.Equal(new[] { seated.Id, refuser.Id }.Order(), notices.Select(n => n.UserId).Order());
        Assert.All(notices, n => Assert.StartsWith("Rappel : « Café numérique », ", n.Title));
        Assert.All(notices, n => Assert.Equal("Lieu : Centre social du Sanitas, Tours", n.Text));
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(seated.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("http://localhost/evenements/cafe-numerique", mail.TextBody);
        Assert.Contains("Ne plus recevoir les rappels des événements où vous êtes inscrit", mail.TextBody);
    }
}
