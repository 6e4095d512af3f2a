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

    /// <summary>
    /// Writes the notices of <paramref name="write"/> once per <paramref name="key"/>, for the notices no request causes
    /// (<see cref="INotificationSource"/>): the key's row and the notices commit together; a second round, or a second
    /// instance waiting on the key's unique index, inserts nothing and writes nothing. Returns whether it wrote.
    /// </summary>
    public static async Task<bool> OnceAsync(ObservatoireDbContext db, string key, DateTime now, Func<Task> write, CancellationToken ct)
    {
        if (await db.NotificationTriggers.AnyAsync(t => t.Key == key, ct)) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "NotificationTriggers" ("Key", "CreatedAt") VALUES ({key}, {now}) ON CONFLICT ("Key") DO NOTHING""", ct);
        if (claimed == 0) return false;
        await write();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Every account holding a role, but those who chose « jamais » for <paramref name="kind"/>: who a broadcast notice goes to.</summary>
    public static Task<List<string>> EveryoneButNeverAsync(ObservatoireDbContext db, NotificationKind kind, CancellationToken ct) =>
        db.UserRoles.Select(ur => ur.UserId).Distinct()
            .Where(id => !db.NotificationPreferences.Any(p => p.UserId == id && p.Kind == kind && p.Delivery == NotificationDelivery.Never))
            .ToListAsync(ct);

    public static string Clip(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
