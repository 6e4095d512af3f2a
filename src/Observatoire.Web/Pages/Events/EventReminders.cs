using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// The day before an event, each member with a confirmed seat is reminded of it, once per start time (an event moved
/// is reminded again). Visitors registered by e-mail have no account, hence no notices: their registration mail
/// carries the date and the cancellation link.
/// </summary>
public class EventReminders(ObservatoireDbContext db) : INotificationSource
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(1);

    public async Task RunAsync(DateTime now, CancellationToken ct)
    {
        var until = now + Ahead;
        var events = await db.Events.AsNoTracking().Where(e => !e.IsCancelled && e.StartsAt > now && e.StartsAt <= until)
            .Select(e => new { e.Id, e.Title, e.Slug, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl }).ToListAsync(ct);
        foreach (var e in events)
            await Notify.OnceAsync(db, $"event-reminder:{e.Id}:{e.StartsAt.Ticks}", now, async () =>
            {
                var members = await db.EventRegistrations
                    .Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed && r.UserId != null)
                    .Select(r => r.UserId!).ToListAsync(ct);
                var where = string.Join("\n", new[] { e.Place is null ? null : "Lieu : " + e.Place, e.OnlineUrl is null ? null : "En ligne : " + e.OnlineUrl }.OfType<string>());
                await Notify.AddAsync(db, members, NotificationKind.EventReminder, $"Rappel : « {e.Title} », {ParisTime.Range(e.StartsAt, e.EndsAt)}",
                    where.Length > 0 ? where : null, $"/evenements/{e.Slug}", now, ct);
            }, ct);
    }
}
