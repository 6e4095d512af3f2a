namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// How a feature tells people something: adds one notice per person to the caller's context, with the person's mail
/// choice for that kind. The caller saves, so the notice commits in the same transaction as the change it reports —
/// the notice is the outbox of its mail (<see cref="NotificationMailer"/> mails it later).
/// </summary>
public static class Notify
{
    public static async Task AddAsync(ObservatoireDbContext db, IEnumerable<string> userIds, NotificationKind kind,
        string title, string? text, string link, DateTime now, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Kind == kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
        title = Clip(title, 300);
        text = text is null ? null : Clip(text, 4000);
        foreach (var id in ids)
            db.Notifications.Add(new Notification
            {
                UserId = id, Kind = kind, Title = title, Text = text, Link = link, CreatedAt = now,
                Delivery = chosen.TryGetValue(id, out var delivery) ? delivery : NotificationDefaults.For(kind),
            });
    }

    /// <summary>The accounts of the Coordination role, who receive the validation queue and tool proposals.</summary>
    public static Task<List<string>> CoordinationAsync(ObservatoireDbContext db, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Coordination
         select ur.UserId).ToListAsync(ct);

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
