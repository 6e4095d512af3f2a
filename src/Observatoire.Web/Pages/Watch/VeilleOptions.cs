using Microsoft.Extensions.DependencyInjection.Extensions;
using Observatoire.Web.Infrastructure;

namespace Observatoire.Web.Pages.Watch;

/// <summary>Settings of the feed reader, section "Observatoire:Veille".</summary>
public class VeilleOptions
{
    public const string Section = ObservatoireOptions.Section + ":Veille";
    /// <summary>How often active sources are read; 0 turns the background reading off.</summary>
    public int FetchIntervalMinutes { get; set; } = 60;
    /// <summary>Lets the reader reach loopback and private networks: for tests against a local server only.</summary>
    public bool AllowPrivateAddresses { get; set; }
    public int MaxFeedBytes { get; set; } = 2 * 1024 * 1024;
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Services of the groups, events and watch features.</summary>
public static class VeilleExtensions
{
    public static IServiceCollection AddObservatoireVeille(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VeilleOptions>(configuration.GetSection(VeilleOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FeedFetcher>();
        services.AddScoped<Events.CalendarFeed>();
        services.AddHostedService<FeedFetcherService>();
        return services;
    }
}
