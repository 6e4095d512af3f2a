using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>
/// The mail outbox against a real SMTP server started by the test: delivery, a server away for a while, two portal
/// instances over the same outbox, the per-minute bound, and the portal without SMTP.
/// </summary>
public class OutboxTests(PortalFixture portal) : PortalTest(portal), IAsyncLifetime
{
    private TestSmtpServer _smtp = null!;
    /// <summary>A whole second (PostgreSQL keeps microseconds) a minute ahead: the messages the test writes are due.</summary>
    private readonly TestClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60));

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Portal.ResetAsync();
        _smtp = await TestSmtpServer.StartNewAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task A_message_is_delivered_as_text_with_the_observatory_as_sender_and_marked_sent()
    {
        var id = await Enqueue("lea@exemple.fr", "Bienvenue");

        Assert.Equal(1, await SendAsync(Portal.Factory.Services));

        var received = Assert.Single(_smtp.Received);
        Assert.Equal("lea@exemple.fr", received.To.Mailboxes.Single().Address);
        Assert.Equal("Bienvenue", received.Subject);
        Assert.Equal("observatoire@test.fr", received.From.Mailboxes.Single().Address);
        Assert.False(string.IsNullOrEmpty(received.From.Mailboxes.Single().Name));
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        Assert.Contains("Message numéro 0", received.TextBody);
        var row = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.Id == id));
        Assert.NotNull(row.SentAt);
        Assert.Null(row.NextAttemptAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_server_stopped_for_a_while_loses_no_message_and_receives_each_once()
    {
        await _smtp.StopAsync();
        for (var i = 0; i < 5; i++) await Enqueue($"personne{i}@exemple.fr", $"Message {i}", i);

        Assert.Equal(0, await SendAsync(Portal.Factory.Services));
        var failed = await Portal.Db(db => db.MailMessages.AsNoTracking().ToListAsync());
        Assert.All(failed, m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(1, m.Attempts);
            Assert.StartsWith("Envoi SMTP échoué (essai 1)", m.Error);
            Assert.Equal(_clock.Now.UtcDateTime + OutboxSender.FirstWait, m.NextAttemptAt);
        });
        // Before the wait is over nothing is tried again, even with the server back.
        await _smtp.StartAsync();
        Assert.Equal(0, await SendAsync(Portal.Factory.Services));
        Assert.Empty(_smtp.Received);

        _clock.Advance(OutboxSender.FirstWait);
        Assert.Equal(5, await SendAsync(Portal.Factory.Services));
        Assert.Equal(0, await SendAsync(Portal.Factory.Services));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Message {i}").Order(), _smtp.Received.Select(m => m.Subject).Order());
        Assert.All(await Portal.Db(db => db.MailMessages.AsNoTracking().ToListAsync()), m => Assert.Equal(2, m.Attempts));
    }

    [Fact]
    public async Task Two_portal_instances_over_the_same_outbox_send_each_message_exactly_once()
    {
        const int count = 60;
        for (var i = 0; i < count; i++) await Enqueue($"personne{i}@exemple.fr", $"Message {i}", i);

        // The shared portal and the hardened one are two instances (two hosts, two connection pools) on one database.
        async Task Drain(IServiceProvider services)
        {
            while (await SendAsync(services) > 0) { }
        }
        await Task.WhenAll(Drain(Portal.Factory.Services), Drain(Portal.Hardened.Services), Drain(Portal.Factory.Services));

        var subjects = _smtp.Received.Select(m => m.Subject).ToList();
        Assert.Equal(count, subjects.Count);
        Assert.Equal(count, subjects.Distinct().Count());
        Assert.Equal(count, _smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(count, await Portal.Db(db => db.MailMessages.CountAsync(m => m.SentAt != null && m.Attempts == 1)));
    }

    [Fact]
    public async Task No_more_than_the_messages_per_minute_leave_within_a_minute()
    {
        for (var i = 0; i < 5; i++) await Enqueue($"personne{i}@exemple.fr", $"Message {i}", i);

        Assert.Equal(3, await SendAsync(Portal.Factory.Services, perMinute: 3));
        Assert.Equal(0, await SendAsync(Portal.Factory.Services, perMinute: 3));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await SendAsync(Portal.Factory.Services, perMinute: 3));
        Assert.Equal(5, _smtp.Received.Count);
    }

    [Fact]
    public async Task Without_smtp_a_message_stays_in_the_outbox_and_readable_by_administrators()
    {
        await Enqueue("lea@exemple.fr", "Invitation");

        var unconfigured = await Portal.Scope(sp => ActivatorUtilities.CreateInstance<OutboxSender>(sp, (TimeProvider)_clock).SendDueAsync(default));

        Assert.Equal(0, unconfigured);
        Assert.Empty(_smtp.Received);
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        var page = await admin.GetHtml("/admin/courriels");
        Assert.Contains("non envoyé (pas de SMTP)", page.QuerySelector("main details summary")!.TextContent);
        Assert.Contains("Message numéro 0", page.QuerySelector("main details pre")!.TextContent);
    }

    private Task<long> Enqueue(string to, string subject, int number = 0) => Portal.Scope(async sp =>
        (await sp.GetRequiredService<Mailer>().SendAsync(to, subject, $"Message numéro {number}")).Id);

    /// <summary>One round of an instance's sender, configured for the test server, at the test's time.</summary>
    private async Task<int> SendAsync(IServiceProvider services, int perMinute = 1000)
    {
        await using var scope = services.CreateAsyncScope();
        var options = Options.Create(new ObservatoireOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false, From = "observatoire@test.fr", MessagesPerMinute = perMinute },
        });
        return await ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, options, (TimeProvider)_clock).SendDueAsync(default);
    }
}
