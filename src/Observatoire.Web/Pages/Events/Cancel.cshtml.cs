namespace Observatoire.Web.Pages.Events;

/// <summary>
/// Cancelling an event (Coordination, or the animateurs of its group): GET says what will happen and to how many
/// people, POST cancels and tells them. Cancelling cannot be undone, so it never happens in one click.
/// </summary>
[Authorize(Policy = Policies.Member)]
public class CancelModel(ObservatoireDbContext db, Mailer mailer, AccountLinks links, TimeProvider clock) : PageModel
{
    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public bool IsCancelled { get; private set; }
    public bool IsPast { get; private set; }
    public int Confirmed { get; private set; }
    public int Waitlisted { get; private set; }

    /// <summary>« 2 inscrits et 1 personne en liste d'attente seront prévenus par courriel. »</summary>
    public string WhoIsTold
    {
        get
        {
            if (Confirmed + Waitlisted == 0) return "Personne n'est inscrit : aucun courriel ne sera envoyé.";
            var parts = new List<string>();
            if (Confirmed > 0) parts.Add(Confirmed == 1 ? "1 inscrit" : $"{Confirmed} inscrits");
            if (Waitlisted > 0) parts.Add(Waitlisted == 1 ? "1 personne en liste d'attente" : $"{Waitlisted} personnes en liste d'attente");
            var verb = Confirmed + Waitlisted > 1 ? "seront prévenus" : Confirmed == 1 ? "sera prévenu" : "sera prévenue";
            return $"{string.Join(" et ", parts)} {verb} par courriel.";
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var ev = await db.Events.SingleAsync(e => e.Id == id, ct);
        if (!ev.IsCancelled)
        {
            ev.IsCancelled = true;
            ev.Sequence++;
            ev.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            var emails = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled)
                .Select(r => r.Email ?? r.User!.Email).Where(e => e != null).Select(e => e!).ToListAsync(ct);
            if (ev.EndsAt > ev.UpdatedAt) await Notifications.EventCancelledAsync(mailer, links, ev, emails, ct);
        }
        TempData["Message"] = "L'événement est annulé ; les personnes inscrites sont prévenues par courriel.";
        return Redirect($"/evenements/{ev.Slug}");
    }

    /// <summary>The event and its registrations, or the 404/403 that answers instead (an unknown id tells nothing).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Slug, e.Title, e.StartsAt, e.EndsAt, e.IsCancelled, e.GroupId }).SingleOrDefaultAsync(ct);
        if (ev is null) return NotFound();
        if (!await GroupAccess.CanOrganiseAsync(db, User, ev.GroupId, ct)) return Forbid();
        (Id, Slug, Title, StartsAt, EndsAt, IsCancelled) = (id, ev.Slug, ev.Title, ev.StartsAt, ev.EndsAt, ev.IsCancelled);
        IsPast = ev.EndsAt <= clock.GetUtcNow().UtcDateTime;
        var counts = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Confirmed = counts.FirstOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.Count ?? 0;
        Waitlisted = counts.FirstOrDefault(c => c.Key == RegistrationStatus.Waitlisted)?.Count ?? 0;
        return null;
    }
}
