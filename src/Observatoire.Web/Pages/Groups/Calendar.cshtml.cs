using Observatoire.Web.Pages.Events;

namespace Observatoire.Web.Pages.Groups;

/// <summary>The group's events as an iCalendar feed, to subscribe to from any calendar application.</summary>
public class CalendarModel(ObservatoireDbContext db, CalendarFeed feed) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Slug == slug).Select(g => new { g.Id, g.Name }).SingleOrDefaultAsync(ct);
        if (group is null) return NotFound();
        var text = await feed.WriteAsync(db.Events.Where(e => e.GroupId == group.Id), group.Name, ct);
        return Content(text, ICalendar.ContentType);
    }
}
