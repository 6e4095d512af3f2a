using Microsoft.Extensions.Options;
using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Watch;

/// <summary>The watch's notices: a comment on an item one follows, and the week's published items.</summary>
public static class WatchNotices
{
    /// <summary>
    /// Those who follow an item learn of a new comment: the watch has no « suivre » button, so the followers are the
    /// person who posted the item and everyone who commented on it before — never the commenter themself.
    /// </summary>
    public static async Task CommentedAsync(ObservatoireDbContext db, int itemId, string itemTitle, string? postedById, string commenterId,
        string commenterName, string body, DateTime now, CancellationToken ct)
    {
        var commenters = await db.WatchComments.Where(c => c.ItemId == itemId && c.AuthorId != null).Select(c => c.AuthorId!).ToListAsync(ct);
        var followers = commenters.Append(postedById).OfType<string>().Where(id => id != commenterId);
        await Notify.AddAsync(db, followers, NotificationKind.WatchComment, $"Nouveau commentaire sur « {itemTitle} »",
            $"{commenterName} : {Notify.Clip(body, 600)}", $"/veille/{itemId}#commentaires", now, ct);
    }
}

/// <summary>
/// On Monday from the digest hour, last week's published watch items in one notice to everyone but those who chose
/// « jamais » (for a broadcast, « jamais » means no notice at all); once per week, and nothing for an empty week.
/// </summary>
public class WatchWeekSource(ObservatoireDbContext db, IOptions<NotificationOptions> options) : INotificationSource
{
    public async Task RunAsync(DateTime now, CancellationToken ct)
    {
        var (monday, _) = NotificationMailer.Period(NotificationDelivery.Weekly, now, options.Value.DigestHour);
        var week = monday.AddDays(-7);
        var from = ParisTime.ToUtc(week, TimeOnly.MinValue)!.Value;
        var to = ParisTime.ToUtc(monday, TimeOnly.MinValue)!.Value;
        var key = WeekModel.Key(week);
        if (await db.NotificationTriggers.AnyAsync(t => t.Key == "watch-week:" + key, ct)) return;
        var items = await db.WatchItems.AsNoTracking()
            .Where(w => w.Status == WatchStatus.Published && w.PublishedAt >= from && w.PublishedAt < to)
            .OrderByDescending(w => w.Usefuls.Count).ThenByDescending(w => w.PublishedAt)
            .Select(w => w.Title).ToListAsync(ct);
        if (items.Count == 0) return;
        var title = $"La veille de la semaine du {ParisTime.DayAndMonth(week)} : " + (items.Count == 1 ? "1 lien" : $"{items.Count} liens");
        var text = string.Join("\n", items.Take(20).Select(t => "– " + t)) + (items.Count > 20 ? $"\n… et {items.Count - 20} autres" : "");
        await Notify.OnceAsync(db, "watch-week:" + key, now, async () =>
            await Notify.AddAsync(db, await Notify.EveryoneButNeverAsync(db, NotificationKind.WatchWeek, ct), NotificationKind.WatchWeek,
                title, text, $"/veille/semaine?semaine={key}", now, ct), ct);
    }
}
