namespace Observatoire.Web.Pages.Events;

/// <summary>Events to iCalendar: each entry links back to its page with an absolute address.</summary>
public class CalendarFeed(AccountLinks links, TimeProvider clock, ObservatorySettingsCache settings)
{
    /// <summary>Kept short: a subscribed calendar keeps what it already has, and a feed of all history would only grow.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(365);

    /// <param name="title">What the calendar gathers (a group's name), shown with the observatory's short name; null for all events.</param>
    public async Task<string> WriteAsync(IQueryable<Event> events, string? title, CancellationToken ct)
    {
        var observatory = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now - History;
        var rows = await events.AsNoTracking().Where(e => e.EndsAt >= from).OrderBy(e => e.StartsAt).Take(500)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.DescriptionText, e.IsCancelled, e.Sequence, e.UpdatedAt })
            .ToListAsync(ct);
        var name = title is null ? $"{observatory.ShortName} — événements" : $"{title} — {observatory.ShortName}";
        return ICalendar.Write(ICalendar.ProductId(observatory.Name, observatory.Territory), name, rows.Select(e => Entry(e.Id, e.Slug,
            e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.DescriptionText, e.IsCancelled, e.Sequence, e.UpdatedAt)));
    }

    /// <summary>One event on its own ("add to my calendar"), named after itself.</summary>
    public async Task<string> WriteOneAsync(ICalendar.Entry entry, CancellationToken ct)
    {
        var observatory = await settings.GetAsync(ct);
        return ICalendar.Write(ICalendar.ProductId(observatory.Name, observatory.Territory), entry.Summary, [entry]);
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
