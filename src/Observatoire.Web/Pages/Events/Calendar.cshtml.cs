namespace Observatoire.Web.Pages.Events;

/// <summary>All events as one iCalendar feed.</summary>
[ReadsFromReplica]
public class CalendarModel(ObservatoireDbContext db, CalendarFeed feed) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Content(await feed.WriteAsync(db.Events, title: null, ct), ICalendar.ContentType);
}
