using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Outgoing mail goes through the outbox: every message is written to PostgreSQL, where administrators read it in the
/// portal, and the background sender (<see cref="OutboxSender"/>) sends it through SMTP when a server is configured,
/// retrying until it is accepted. No flow dead-ends without a mail server, and a page never waits on one.
/// Every message is signed with the observatory's name, address and contact, comes from its name, and is answered to
/// its contact address when one is set (/admin/parametres).
/// </summary>
public class Mailer(ObservatoireDbContext db, IOptions<ObservatoireOptions> options, ObservatorySettingsCache settings,
    AccountLinks links, TimeProvider clock)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text for a mail's HTML version: markup escaped, French letters left readable.</summary>
    public static string Encode(string text) => Html.Encode(text);

    public bool SmtpConfigured => options.Value.Smtp.Configured;

    /// <summary>Puts a plain-text message in the outbox and saves (with whatever else the caller's context holds).</summary>
    public async Task<MailMessage> SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var message = Compose(await settings.GetAsync(ct), to, subject, body);
        db.MailMessages.Add(message);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>
    /// A signed message, not yet added to any context: the caller adds it and saves it in the same transaction as what
    /// caused it. <paramref name="html"/>, when given, is a fragment of body content; the signature is added to both.
    /// </summary>
    public MailMessage Compose(Observatory observatory, string to, string subject, string body, string? html = null,
        string? unsubscribeUrl = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var signature = SignatureLines(observatory);
        return new MailMessage
        {
            To = to, Subject = subject,
            Body = body.TrimEnd() + "\n\n-- \n" + string.Join("\n", signature),
            HtmlBody = html is null ? null : HtmlDocument(subject, html, signature),
            UnsubscribeUrl = unsubscribeUrl,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>The usual "-- " separator, then who wrote: name and territory, the portal's address, the contact.</summary>
    private List<string> SignatureLines(Observatory observatory)
    {
        var site = links.Absolute("/");
        var lines = new[]
        {
            observatory.FullName,
            site.StartsWith("http", StringComparison.Ordinal) ? site : null,
            observatory.ContactEmail is { } contact ? "Contact : " + contact : null,
        };
        return lines.OfType<string>().ToList();
    }

    /// <summary>A whole, self-contained HTML document: inline styles only, no image, nothing fetched when it is opened.</summary>
    private static string HtmlDocument(string subject, string content, IEnumerable<string> signature) => $"""
        <!DOCTYPE html>
        <html lang="fr">
        <head><meta charset="utf-8"><title>{Html.Encode(subject)}</title></head>
        <body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
        {content}
        <hr style="border: 0; border-top: 1px solid #ccc;">
        <p style="color: #555; font-size: 0.9em;">{string.Join("<br>", signature.Select(Html.Encode))}</p>
        </body>
        </html>
        """;
}
