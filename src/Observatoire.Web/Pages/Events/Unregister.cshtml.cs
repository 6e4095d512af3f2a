namespace Observatoire.Web.Pages.Events;

/// <summary>Cancelling a public registration from the link in its confirmation mail (GET shows, POST cancels).</summary>
public class UnregisterModel(ObservatoireDbContext db, Mailer mailer, AccountLinks links, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    public string? EventTitle { get; private set; }
    public string? EventSlug { get; private set; }
    public bool AlreadyCancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await LoadAsync(ct);
        if (id is null) return NotFound();
        var result = await Registrations.CancelAsync(db, id.Value, clock.GetUtcNow().UtcDateTime, ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Slug == EventSlug, ct);
        await Notifications.SeatsGivenAsync(db, mailer, links, ev, result.Promoted, ct);
        TempData["Message"] = "Votre inscription est annulée.";
        return Redirect($"/evenements/{EventSlug}");
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Code) || Code.Length > 64) return null;
        var r = await db.EventRegistrations.AsNoTracking().Where(r => r.CancelToken == Code)
            .Select(r => new { r.Id, r.Status, r.Event.Title, r.Event.Slug }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        EventTitle = r.Title;
        EventSlug = r.Slug;
        AlreadyCancelled = r.Status == RegistrationStatus.Cancelled;
        return r.Id;
    }
}
