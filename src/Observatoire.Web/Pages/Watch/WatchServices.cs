namespace Observatoire.Web.Pages.Watch;

/// <summary>Services of the watch: its settings, the background reader of RSS/Atom sources and the week's notice.</summary>
public static class WatchServices
{
    public static IServiceCollection AddObservatoireWatch(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<WatchOptions>(configuration.GetSection(WatchOptions.Section))
            .AddSingleton<FeedFetcher>()
            .AddScoped<Notifications.INotificationSource, WatchWeekSource>()
            .AddHostedService<FeedFetcherService>();
}
