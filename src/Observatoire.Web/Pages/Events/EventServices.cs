namespace Observatoire.Web.Pages.Events;

/// <summary>Services of the events feature: the iCalendar feed writer and the reminders of tomorrow's events.</summary>
public static class EventServices
{
    public static IServiceCollection AddObservatoireEvents(this IServiceCollection services) =>
        services.AddScoped<CalendarFeed>()
            .AddScoped<Pages.Notifications.INotificationSource, EventReminders>();
}
