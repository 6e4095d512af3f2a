namespace Observatoire.Web.Infrastructure;

public static class SettingsServices
{
    /// <summary>The observatory's identity (cached per instance) and the first-run setup token announced at start-up.</summary>
    public static IServiceCollection AddObservatorySettings(this IServiceCollection services)
    {
        services.AddSingleton<ObservatorySettingsCache>();
        services.AddScoped<SetupTokens>();
        services.AddHostedService<SetupAnnouncement>();
        return services;
    }
}
