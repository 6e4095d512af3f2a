namespace Observatoire.Web.Pages.Events;

/// <summary>Mails about seats, sent after the transaction that changed them has committed.</summary>
public static class Notifications
{
    public static async Task SeatsGivenAsync(ObservatoireDbContext db, Mailer mailer, AccountLinks links, Event ev,
        IReadOnlyList<EventRegistration> promoted, CancellationToken ct)
    {
        foreach (var r in promoted)
        {
            var member = r.UserId is null ? null
                : await db.Users.Where(u => u.Id == r.UserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
            var email = r.Email ?? member?.Email;
            if (email is null) continue;
            // Like the registration mails: a greeting, and a way out (a seat given unasked may no longer suit).
            // A visitor cancels through their own link; a member cancels on the event page, signed in.
            var cancel = r.CancelToken is { } token
                ? links.Absolute($"/evenements/desinscription?code={token}")
                : $"connectez-vous et ouvrez {links.Absolute($"/evenements/{ev.Slug}")}";
            await mailer.SendAsync(email, $"Une place s'est libérée : {ev.Title}",
                $"Bonjour {r.Name ?? member?.DisplayName},\n\nbonne nouvelle : une place s'est libérée et votre inscription à « {ev.Title} » est confirmée.\n\n" +
                $"Quand : {ParisTime.Range(ev.StartsAt, ev.EndsAt)}\n{links.Absolute($"/evenements/{ev.Slug}")}\n\n" +
                $"Pour annuler votre inscription : {cancel}\n", ct);
        }
    }

    public static async Task EventCancelledAsync(Mailer mailer, AccountLinks links, Event ev, IEnumerable<string> emails, CancellationToken ct)
    {
        foreach (var email in emails.Distinct(StringComparer.OrdinalIgnoreCase))
            await mailer.SendAsync(email, $"Événement annulé : {ev.Title}",
                $"L'événement « {ev.Title} » prévu le {ParisTime.Range(ev.StartsAt, ev.EndsAt)} est annulé.\n\n{links.Absolute($"/evenements/{ev.Slug}")}\n", ct);
    }

    public static Task PublicRegistrationAsync(Mailer mailer, AccountLinks links, Event ev, EventRegistration r, CancellationToken ct) =>
        mailer.SendAsync(r.Email!, r.Status == RegistrationStatus.Confirmed ? $"Inscription confirmée : {ev.Title}" : $"Liste d'attente : {ev.Title}",
            (r.Status == RegistrationStatus.Confirmed
                ? $"Bonjour {r.Name},\n\nvotre inscription à « {ev.Title} » est confirmée."
                : $"Bonjour {r.Name},\n\nl'événement « {ev.Title} » est complet : vous êtes sur la liste d'attente. Vous recevrez un message si une place se libère.")
            + $"\n\nQuand : {ParisTime.Range(ev.StartsAt, ev.EndsAt)}\n{links.Absolute($"/evenements/{ev.Slug}")}\n\n"
            + $"Pour annuler votre inscription : {links.Absolute($"/evenements/desinscription?code={r.CancelToken}")}\n", ct);
}
