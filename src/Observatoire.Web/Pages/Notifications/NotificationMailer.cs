using Microsoft.Extensions.Options;

namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// Turns notices into mails in the mail outbox: each « immédiatement » notice alone, the others in one digest per
/// person and period. Both claim their notices with row locks (<c>SKIP LOCKED</c> for the immediate ones, and a unique
/// digest row per person and period), so two portal instances never mail a notice twice. The time is the injected
/// <see cref="TimeProvider"/>'s: a test runs tomorrow's digest by moving its clock.
/// </summary>
public class NotificationMailer(ObservatoireDbContext db, Mailer mailer, ObservatorySettingsCache settings, AccountLinks links,
    UnsubscribeTokens tokens, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public const string CentrePath = "/notifications";
    public const string PreferencesPath = "/compte/notifications";
    public const string UnsubscribePath = "/notifications/desabonnement";

    /// <summary>One round: immediate notices, then the daily and weekly digests that are due.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (await MailImmediateAsync(ct) > 0) { }
        await DigestAsync(NotificationDelivery.Daily, ct);
        await DigestAsync(NotificationDelivery.Weekly, ct);
    }

    /// <summary>Mails a batch of waiting « immédiatement » notices, one mail each; returns how many it took.</summary>
    public async Task<int> MailImmediateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Notifications.FromSql($"""
            SELECT * FROM "Notifications"
            WHERE "MailedAt" IS NULL AND "Delivery" = 'Immediate'
            ORDER BY "Id" LIMIT 100
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var observatory = await settings.GetAsync(ct);
        var emails = await EmailsAsync(due.Select(n => n.UserId), ct);
        foreach (var notice in due)
        {
            notice.MailedAt = now;
            if (emails.GetValueOrDefault(notice.UserId) is not { } email) continue;
            var content = Content($"Du nouveau sur {observatory.ShortName} :", [notice], notice.UserId);
            db.MailMessages.Add(mailer.Compose(observatory, email, notice.Title, NotificationMail.Text(content),
                NotificationMail.Html(content), content.UnsubscribeUrl));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>Builds the digests of <paramref name="period"/> that are due now; returns how many it mailed.</summary>
    public async Task<int> DigestAsync(NotificationDelivery period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (start, cutoff) = Period(period, now, options.Value.DigestHour);
        var people = await db.Notifications.AsNoTracking()
            .Where(n => n.MailedAt == null && n.Delivery == period && n.CreatedAt < cutoff)
            .Select(n => n.UserId).Distinct().ToListAsync(ct);
        var made = 0;
        foreach (var userId in people)
            if (await DigestOneAsync(userId, period, start, cutoff, now, ct)) made++;
        return made;
    }

    /// <summary>
    /// The period a digest built at <paramref name="now"/> belongs to: the Paris day (or the week from Monday) whose
    /// digest hour has passed, and the instant before which its notices were written.
    /// </summary>
    public static (DateOnly Start, DateTime Cutoff) Period(NotificationDelivery period, DateTime now, int digestHour)
    {
        var today = ParisTime.Today(now);
        var start = period == NotificationDelivery.Weekly ? today.AddDays(-(((int)today.DayOfWeek + 6) % 7)) : today;
        var step = period == NotificationDelivery.Weekly ? 7 : 1;
        DateTime Cutoff(DateOnly day) => ParisTime.ToUtc(day, new TimeOnly(digestHour, 0)) ?? ParisTime.ToUtc(day, new TimeOnly(digestHour + 1, 0))!.Value;
        if (now < Cutoff(start)) start = start.AddDays(-step);
        return (start, Cutoff(start));
    }

    private async Task<bool> DigestOneAsync(string userId, NotificationDelivery period, DateOnly start, DateTime cutoff, DateTime now,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The unique (person, period, start) row is the claim: a second instance waits for this one's commit, then inserts nothing.
        var claimed = await db.Database.SqlQuery<long>($"""
            INSERT INTO "NotificationDigests" ("UserId", "Period", "PeriodStart", "CreatedAt", "Items")
            VALUES ({userId}, {period.ToString()}, {start}, {now}, 0)
            ON CONFLICT ("UserId", "Period", "PeriodStart") DO NOTHING
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) return false;
        var notices = await db.Notifications.FromSql($"""
            SELECT * FROM "Notifications"
            WHERE "UserId" = {userId} AND "MailedAt" IS NULL AND "Delivery" = {period.ToString()} AND "CreatedAt" < {cutoff}
            ORDER BY "CreatedAt", "Id"
            FOR UPDATE
            """).ToListAsync(ct);
        if (notices.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        foreach (var notice in notices) notice.MailedAt = now;
        var email = (await EmailsAsync([userId], ct)).GetValueOrDefault(userId);
        if (email is not null)
        {
            var observatory = await settings.GetAsync(ct);
            var (label, since) = period == NotificationDelivery.Weekly
                ? ("Votre résumé hebdomadaire", "cette semaine") : ("Votre résumé quotidien", "depuis votre dernier résumé");
            var count = notices.Count == 1 ? "1 notification" : $"{notices.Count} notifications";
            var content = Content($"Voici ce qui s'est passé sur {observatory.ShortName} {since} :", notices, userId);
            db.MailMessages.Add(mailer.Compose(observatory, email, $"{label} : {count}", NotificationMail.Text(content),
                NotificationMail.Html(content), content.UnsubscribeUrl));
        }
        await db.SaveChangesAsync(ct);
        await db.NotificationDigests.Where(d => d.Id == claimed[0]).ExecuteUpdateAsync(s => s.SetProperty(d => d.Items, notices.Count), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private NotificationMail.Content Content(string heading, IReadOnlyList<Notification> notices, string userId)
    {
        var kinds = notices.Select(n => n.Kind).Distinct().Order().ToList();
        var stop = kinds.Count == 1 ? NotificationMail.Stop(kinds[0]) : "ces courriels (" + string.Join(", ", kinds.Select(k => k.Label().ToLower(French.Culture))) + ")";
        return new NotificationMail.Content(heading,
            notices.Select(n => new NotificationMail.Item(n.Title, n.Text, links.Absolute(n.Link), n.CreatedAt)).ToList(),
            links.Absolute(CentrePath), links.Absolute(PreferencesPath),
            links.Absolute(UnsubscribePath + "?jeton=" + Uri.EscapeDataString(tokens.For(userId, kinds))), stop);
    }

    private Task<Dictionary<string, string?>> EmailsAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
    }
}
