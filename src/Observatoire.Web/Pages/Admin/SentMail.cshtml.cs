namespace Observatoire.Web.Pages.Admin;

/// <summary>The portal's outgoing mail, readable here whether or not an SMTP server is configured.</summary>
[Authorize(Policy = Policies.Admin)]
public class SentMailModel(ObservatoireDbContext db, Mailer mailer) : PageModel
{
    public record Row(long Id, string To, string Subject, string Body, DateTime CreatedAt, DateTime? SentAt, string? Error,
        int Attempts, DateTime? NextAttemptAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool SmtpConfigured => mailer.SmtpConfigured;

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.MailMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.Body, m.CreatedAt, m.SentAt, m.Error, m.Attempts, m.NextAttemptAt))
            .ToListAsync(ct);
}
