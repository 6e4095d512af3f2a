using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// One round of the mail outbox: claims the messages that are due with <c>FOR UPDATE SKIP LOCKED</c> (so two portal
/// instances never take the same one), sends them through one SMTP connection, and marks each sent — or keeps it with
/// its attempt count, last error and next attempt, later and later (exponential back-off), never dropped. The row lock
/// is held until the round commits: another instance skips these rows while they are being sent.
/// </summary>
public class OutboxSender(ObservatoireDbContext db, IOptions<ObservatoireOptions> options, ObservatorySettingsCache settings,
    TimeProvider clock, ILogger<OutboxSender> log)
{
    /// <summary>The first retry waits this long, each next one twice as long, up to <see cref="LongestWait"/>.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    /// <summary>Messages claimed per round: short transactions, and the other instances take the next ones meanwhile.</summary>
    public const int Batch = 20;

    /// <summary>Sends what is due now, within the per-minute limit; returns how many messages SMTP accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.Configured) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var minuteAgo = now.AddMinutes(-1);
        var room = Math.Min(Batch, smtp.MessagesPerMinute - await db.MailMessages.CountAsync(m => m.SentAt > minuteAgo, ct));
        if (room <= 0) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.MailMessages.FromSql($"""
            SELECT * FROM "MailMessages"
            WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt", "Id"
            LIMIT {room}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var observatory = await settings.GetAsync(ct);
        var sent = 0;
        using var client = new SmtpClient { Timeout = 15_000 };
        var pending = new Queue<MailMessage>(due);
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(smtp.User))
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            while (pending.TryPeek(out var message))
            {
                try
                {
                    await client.SendAsync(Mime(message, observatory, smtp), ct);
                    message.Attempts++;
                    message.SentAt = clock.GetUtcNow().UtcDateTime;
                    message.NextAttemptAt = null;
                    sent++;
                }
                catch (SmtpCommandException e)
                {
                    // This message was refused (a recipient, a size): the connection still serves the next ones.
                    Failed(message, e, now);
                }
                pending.Dequeue();
            }
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or AuthenticationException
                                      or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The server is unreachable or dropped the connection: everything not yet sent waits for the next attempt.
            log.LogWarning("Envoi SMTP interrompu ({Waiting} message(s) en attente, nouvel essai plus tard) : {Reason}", pending.Count, e.Message);
            foreach (var message in pending) Failed(message, e, now);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        return sent;
    }

    /// <summary>The wait before attempt number <paramref name="attempts"/> + 1.</summary>
    public static TimeSpan Wait(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks * (1L << Math.Min(attempts - 1, 20))));

    private static void Failed(MailMessage message, Exception e, DateTime now)
    {
        message.Attempts++;
        var error = $"Envoi SMTP échoué (essai {message.Attempts}) : {e.Message}";
        message.Error = error[..Math.Min(error.Length, 2000)];
        message.NextAttemptAt = now + Wait(message.Attempts);
    }

    private static MimeMessage Mime(MailMessage message, Observatory observatory, SmtpOptions smtp)
    {
        var mime = new MimeMessage();
        var from = MailboxAddress.Parse(smtp.From);
        // An address configured without a display name is shown as the observatory's name in mailboxes.
        if (string.IsNullOrWhiteSpace(from.Name)) from.Name = observatory.Name;
        mime.From.Add(from);
        if (observatory.ContactEmail is { } contact && MailboxAddress.TryParse(contact, out var replyTo))
            mime.ReplyTo.Add(replyTo);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        // The same id at every attempt: a server that received it before the connection dropped can recognise it.
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedAt.Ticks}@{from.Domain}";
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
