namespace Observatoire.Web.Pages.Events;

/// <summary>Events to iCalendar: each entry links back to its page with an absolute address.</summary>
public class CalendarFeed(AccountLinks links, TimeProvider clock)
{
    /// <summary>Kept short: a subscribed calendar keeps what it already has, and a feed of all history would only grow.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(365);

    public async Task<string> WriteAsync(IQueryable<Event> events, string calendarName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now - History;
        var rows = await events.AsNoTracking().Where(e => e.EndsAt >= from).OrderBy(e => e.StartsAt).Take(500)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.DescriptionText, e.IsCancelled, e.Sequence, e.UpdatedAt })
            .ToListAsync(ct);
        return ICalendar.Write(calendarName, rows.Select(e => Entry(e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl,
            e.DescriptionText, e.IsCancelled, e.Sequence, e.UpdatedAt)));
    }

    public ICalendar.Entry Entry(int id, string slug, string title, DateTime startsAt, DateTime endsAt, string? place, string? onlineUrl,
        string description, bool cancelled, int sequence, DateTime updatedAt)
    {
        var url = links.Absolute($"/evenements/{slug}");
        var text = string.Join("\n\n", new[] { description, onlineUrl is null ? null : "En ligne : " + onlineUrl, url }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return new ICalendar.Entry(Uid(id), sequence, startsAt, endsAt, updatedAt, title, text,
            place ?? (onlineUrl is null ? null : "En ligne"), url, cancelled);
    }

    /// <summary>Stable for the life of the event, whatever its title or slug become.</summary>
    public static string Uid(int eventId) => $"evenement-{eventId}@observatoire-tours";
}
