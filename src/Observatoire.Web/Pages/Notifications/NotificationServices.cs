namespace Observatoire.Web.Pages.Notifications;

/// <summary>Services of the notifications: their settings, the mailer of notices, the outbox sender and the background worker.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddObservatoireNotifications(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section))
            .AddScoped<NotificationMailer>()
            .AddScoped<OutboxSender>()
            .AddSingleton<UnsubscribeTokens>()
            .AddHostedService<NotificationWorker>();
}
