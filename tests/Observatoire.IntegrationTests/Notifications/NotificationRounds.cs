using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Notifications;

namespace Observatoire.IntegrationTests.Notifications;

/// <summary>A person's choice, the worker's round run by hand at a chosen time, and the SMTP send towards a test server.</summary>
public static class NotificationRounds
{
    /// <summary>Chooses how <paramref name="kind"/> is mailed, through « Mon compte › Notifications ».</summary>
    public static async Task Choose(this HttpClient client, NotificationKind kind, NotificationDelivery delivery)
    {
        using var saved = await client.PostForm(NotificationMailer.PreferencesPath,
            new Dictionary<string, string> { [$"Choix[{kind}]"] = delivery.ToString() }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>
    /// One round at <paramref name="now"/>: the features' sources (a survey closing, the week's watch…), then notices
    /// into mails — the immediate ones and the digests due then.
    /// </summary>
    public static async Task RoundAsync(this PortalFixture portal, DateTime now)
    {
        await portal.Scope(async sp =>
        {
            foreach (var source in sp.GetServices<INotificationSource>()) await source.RunAsync(now, default);
        });
        await MailAsync(portal.Factory.Services, new TestClock(new DateTimeOffset(now)));
    }

    /// <summary>Notices into mails as <paramref name="clock"/> tells the time, in a scope of <paramref name="services"/> (one portal instance).</summary>
    public static async Task MailAsync(IServiceProvider services, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<NotificationMailer>(scope.ServiceProvider, clock).RunAsync(default);
    }

    /// <summary>Sends the outbox's due mails to <paramref name="smtp"/>.</summary>
    public static async Task SendAsync(this PortalFixture portal, TestSmtpServer smtp)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var options = Options.Create(new ObservatoireOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, UseStartTls = false, From = "observatoire@test.fr" },
        });
        await ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, options).SendDueAsync(default);
    }
}
