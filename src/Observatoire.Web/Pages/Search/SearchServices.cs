namespace Observatoire.Web.Pages.Search;

/// <summary>Services of the search: the check that its French dictionary is in use.</summary>
public static class SearchServices
{
    public static IServiceCollection AddObservatoireSearch(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SearchDictionary.HealthCheck>("recherche");
        return services;
    }
}
