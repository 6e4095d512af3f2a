using Microsoft.Extensions.Options;

namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// The background rounds of every portal instance: the features' own notices (<see cref="INotificationSource"/>, every
/// few minutes since some recompute figures), notices into mails (<see cref="NotificationMailer"/>), then the mail
/// outbox through SMTP (<see cref="OutboxSender"/>). Several instances run it side by side; row locks share the work.
/// </summary>
public class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        var lastScan = DateTime.MinValue;
        // The first tick lets start-up (migrations, demo data) finish before the first round.
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var scan = DateTime.UtcNow - lastScan >= TimeSpan.FromMinutes(Math.Max(1, options.Value.ScanMinutes));
                if (scan) lastScan = DateTime.UtcNow;
                await RunOnceAsync(scopes, stoppingToken, scan);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Notifications : le tour d'envoi a échoué ; nouvel essai au prochain tour.");
            }
        }
    }

    /// <summary>One round, in its own scope: what the worker does every few seconds, and what tests call.</summary>
    public static async Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct, bool scan = true)
    {
        if (scan)
            await using (var scope = scopes.CreateAsyncScope())
            {
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                foreach (var source in scope.ServiceProvider.GetServices<INotificationSource>())
                    await source.RunAsync(now, ct);
            }
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationMailer>().RunAsync(ct);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
            while (await sender.SendDueAsync(ct) > 0) { }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
