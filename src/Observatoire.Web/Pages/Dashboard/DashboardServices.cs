namespace Observatoire.Web.Pages.Dashboard;

/// <summary>Services of the dashboard page.</summary>
public static class DashboardServices
{
    public static IServiceCollection AddObservatoireDashboard(this IServiceCollection services) =>
        services.AddSingleton<DashboardCache>();
}
