namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// My notification centre: every notice, whatever my mail choices (« jamais » stops the mail, not the notice), newest
/// first; mark one or all read. Each query is restricted to the signed-in person's own notices.
/// </summary>
[Authorize(Policy = Policies.Member)]
public class IndexModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public record Row(long Id, NotificationKind Kind, string Title, string? Text, string Link, DateTime CreatedAt, bool Read);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Unread { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = Mine();
        Total = await mine.CountAsync(ct);
        Unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        Rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown)
            .Select(n => new Row(n.Id, n.Kind, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one notice read; with <paramref name="ouvrir"/>, then opens what it is about.</summary>
    public async Task<IActionResult> OnPostLueAsync(long id, bool ouvrir, CancellationToken ct)
    {
        var userId = User.UserId();
        var notice = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notice is null) return NotFound();
        notice.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ouvrir && Url.IsLocalUrl(notice.Link) ? LocalRedirect(notice.Link) : Redirect("/notifications");
    }

    public async Task<IActionResult> OnPostToutesLuesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        TempData["Message"] = marked switch
        {
            0 => "Aucune notification non lue.",
            1 => "1 notification marquée comme lue.",
            _ => $"{marked} notifications marquées comme lues.",
        };
        return Redirect("/notifications");
    }

    private IQueryable<Notification> Mine()
    {
        var userId = User.UserId();
        return db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
    }
}
