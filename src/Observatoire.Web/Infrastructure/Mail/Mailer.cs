using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Outgoing mail. Every message is kept in PostgreSQL, where administrators read it in the portal;
/// it is also sent through SMTP when a server is configured. No flow dead-ends without a mail server.
/// Every message is signed with the observatory's name, address and contact, comes from its name, and is answered to
/// its contact address when one is set (/admin/parametres).
/// </summary>
public class Mailer(ObservatoireDbContext db, IOptions<ObservatoireOptions> options, ObservatorySettingsCache settings,
    AccountLinks links, ILogger<Mailer> log)
{
    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task<MailMessage> SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var observatory = await settings.GetAsync(ct);
        var message = new MailMessage { To = to, Subject = subject, Body = body.TrimEnd() + Signature(observatory), CreatedAt = DateTime.UtcNow };
        if (SmtpConfigured)
        {
            try
            {
                await SendSmtpAsync(message, observatory, ct);
                message.SentAt = DateTime.UtcNow;
            }
            catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException
                                          or AuthenticationException or System.Net.Sockets.SocketException)
            {
                log.LogWarning("Envoi SMTP échoué vers {To} : {Reason}", to, e.Message);
                message.Error = "Envoi SMTP échoué : " + e.Message;
            }
        }
        db.MailMessages.Add(message);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>The usual "-- " separator, then who wrote: name and territory, the portal's address, the contact.</summary>
    private string Signature(Observatory observatory)
    {
        var site = links.Absolute("/");
        var lines = new[]
        {
            observatory.FullName,
            site.StartsWith("http", StringComparison.Ordinal) ? site : null,
            observatory.ContactEmail is { } contact ? "Contact : " + contact : null,
        };
        return "\n\n-- \n" + string.Join("\n", lines.Where(l => l is not null));
    }

    private async Task SendSmtpAsync(MailMessage message, Observatory observatory, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var mime = new MimeMessage();
        var from = MailboxAddress.Parse(smtp.From);
        // An address configured without a display name is shown as the observatory's name in mailboxes.
        if (string.IsNullOrWhiteSpace(from.Name)) from.Name = observatory.Name;
        mime.From.Add(from);
        if (observatory.ContactEmail is { } contact && MailboxAddress.TryParse(contact, out var replyTo))
            mime.ReplyTo.Add(replyTo);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
