namespace Observatoire.Web.Pages.Events;

/// <summary>"Add to my calendar": one event as an .ics file that calendar applications open.</summary>
public class AddToCalendarModel(ObservatoireDbContext db, CalendarFeed feed) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.DescriptionText, e.IsCancelled, e.Sequence, e.UpdatedAt })
            .SingleOrDefaultAsync(ct);
        if (e is null) return NotFound();
        var text = await feed.WriteOneAsync(feed.Entry(e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl,
            e.DescriptionText, e.IsCancelled, e.Sequence, e.UpdatedAt), ct);
        return File(System.Text.Encoding.UTF8.GetBytes(text), ICalendar.ContentType, e.Slug + ".ics");
    }
}
