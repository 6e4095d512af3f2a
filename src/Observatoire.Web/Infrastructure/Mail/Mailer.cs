using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Outgoing mail. Every message is kept in PostgreSQL, where administrators read it in the portal;
/// it is also sent through SMTP when a server is configured. No flow dead-ends without a mail server.
/// </summary>
public class Mailer(ObservatoireDbContext db, IOptions<ObservatoireOptions> options, ILogger<Mailer> log)
{
    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task<MailMessage> SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var message = new MailMessage { To = to, Subject = subject, Body = body, CreatedAt = DateTime.UtcNow };
        if (SmtpConfigured)
        {
            try
            {
                await SendSmtpAsync(message, ct);
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

    private async Task SendSmtpAsync(MailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
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
