namespace Observatoire.Web.Pages.Watch;

/// <summary>Services of the watch: its settings and the background reader of RSS/Atom sources.</summary>
public static class WatchServices
{
    public static IServiceCollection AddObservatoireWatch(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<WatchOptions>(configuration.GetSection(WatchOptions.Section))
            .AddSingleton<FeedFetcher>()
            .AddHostedService<FeedFetcherService>();
}
