using Observatoire.Web.Analysis;
using Observatoire.Web.Infrastructure;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>Services of the surveys module. Submissions are rate-limited by <see cref="RateLimits.SurveySubmit"/>.</summary>
public static class SurveyServices
{
    public static IServiceCollection AddObservatoireSurveys(this IServiceCollection services)
    {
        services.AddSingleton<Suppression>();
        services.AddHostedService<SurveyRollupCompaction>();
        return services;
    }
}
