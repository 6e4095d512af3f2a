namespace Observatoire.Web.Analysis;

/// <summary>Services of the analysis layer, shared by the dashboard, the surveys' results and the syntheses.</summary>
public static class AnalysisServices
{
    public static IServiceCollection AddObservatoireAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<Suppression>();
        services.AddHostedService<SurveyRollupCompaction>();
        return services;
    }
}
