using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>Services of the surveys: the notices of the surveys Coordination manages, the respondents' forms in memory.</summary>
public static class SurveyServices
{
    public static IServiceCollection AddObservatoireSurveys(this IServiceCollection services) =>
        services.AddScoped<INotificationSource, SurveyNotices>()
            .AddSingleton<SurveyFormCache>();
}
