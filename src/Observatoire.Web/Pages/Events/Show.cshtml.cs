using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// An event: when, where, what; registration for members (and, when open, the public with a name and an e-mail),
/// waiting list; for its organisers the list of registrations, a link to cancel (Cancel), and the minutes as a wiki page.
/// </summary>
public class ShowModel(ObservatoireDbContext db, Mailer mailer, AccountLinks links, TimeProvider clock) : PageModel
{
    public record View(int Id, string Slug, string Title, DateTime StartsAt, DateTime EndsAt, string? Place, string? OnlineUrl,
        string DescriptionHtml, int? Capacity, bool OpenToPublic, bool IsCancelled, int? GroupId, string? GroupName, string? GroupSlug,
        string? MinutesSlug, string? MinutesTitle, string? StructureName, string? StructureSlug, string? TerritoryName, string? TerritorySlug,
        List<Linked> Tools, List<string> Themes);
    public record Linked(string Name, string Slug);
    public record RegistrationRow(int Id, string Name, string? Email, RegistrationStatus Status, DateTime CreatedAt);

    public class PublicInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
    }

    [BindProperty] public PublicInput Registration { get; set; } = new();
    public View Event { get; private set; } = null!;
    public int Confirmed { get; private set; }
    public int Waitlisted { get; private set; }
    public RegistrationStatus? MyStatus { get; private set; }
    public int? MyPosition { get; private set; }
    public bool SignedIn { get; private set; }
    public bool CanOrganise { get; private set; }
    public bool CanWriteMinutes { get; private set; }
    public bool IsPast { get; private set; }
    public bool HasStarted { get; private set; }
    public IReadOnlyList<RegistrationRow> Registrants { get; private set; } = [];

    public int? SeatsLeft => Event.Capacity is int c ? Math.Max(0, c - Confirmed) : null;
    public bool RegistrationOpen => !Event.IsCancelled && !IsPast;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct) =>
        await LoadAsync(key, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        string? userId = null;
        if (SignedIn)
        {
            userId = User.UserId();
        }
        else
        {
            if (!Event.OpenToPublic) return Challenge();
            var name = Registration.Name?.Trim();
            var email = Registration.Email?.Trim();
            if (string.IsNullOrEmpty(name)) ModelState.AddModelError("Registration.Name", "Indiquez votre nom.");
            else if (name.Length > 120) ModelState.AddModelError("Registration.Name", "Le nom ne peut dépasser 120 caractères.");
            if (string.IsNullOrEmpty(email)) ModelState.AddModelError("Registration.Email", "Indiquez votre adresse de courriel.");
            else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email) || !email.Contains('.'))
                ModelState.AddModelError("Registration.Email", "Cette adresse de courriel n'est pas valide (exemple : prenom.nom@exemple.fr).");
            if (!ModelState.IsValid) return Page();
        }
        var result = await Registrations.RegisterAsync(db, Event.Id, userId, Registration.Name, Registration.Email, now, ct);
        if (!result.Ok)
        {
            TempData["Message"] = result.Refusal == Registrations.Refusal.Cancelled
                ? "Cet événement est annulé : les inscriptions sont fermées." : "Cet événement est passé : les inscriptions sont fermées.";
            return Redirect($"/evenements/{Event.Slug}");
        }
        var r = result.Registration!;
        if (userId is null && !result.AlreadyRegistered)
        {
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == Event.Id, ct);
            await Notifications.PublicRegistrationAsync(mailer, links, ev, r, ct);
        }
        TempData["Message"] = (result.AlreadyRegistered, r.Status) switch
        {
            (true, RegistrationStatus.Confirmed) => "Vous étiez déjà inscrit·e.",
            (true, _) => "Vous étiez déjà sur la liste d'attente.",
            (false, RegistrationStatus.Confirmed) => userId is null
                ? "Votre inscription est confirmée. Un courriel de confirmation vous a été envoyé, avec un lien pour annuler."
                : "Votre inscription est confirmée.",
            _ => userId is null
                ? "L'événement est complet : vous êtes sur la liste d'attente. Un courriel vous préviendra si une place se libère."
                : "L'événement est complet : vous êtes sur la liste d'attente. Vous serez prévenu·e par courriel si une place se libère.",
        };
        return Redirect($"/evenements/{Event.Slug}#inscription");
    }

    public async Task<IActionResult> OnPostUnregisterAsync(string key, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(key, ct)) return NotFound();
        var userId = User.UserId();
        var id = await db.EventRegistrations.Where(r => r.EventId == Event.Id && r.UserId == userId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (id is int registrationId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var result = await Registrations.CancelAsync(db, registrationId, now, ct);
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == Event.Id, ct);
            await Notifications.SeatsGivenAsync(db, mailer, links, ev, result.Promoted, ct);
        }
        TempData["Message"] = "Votre inscription est annulée.";
        return Redirect($"/evenements/{Event.Slug}#inscription");
    }

    /// <summary>Starts the minutes: a wiki page about the same tools, themes, structure and territory, saved through the wiki.</summary>
    public async Task<IActionResult> OnPostMinutesAsync(string key, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(key, ct)) return NotFound();
        if (!CanWriteMinutes) return Forbid();
        if (Event.MinutesSlug is not null) return Redirect($"/wiki/{Event.MinutesSlug}/modifier");
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = await db.Events.Include(e => e.Tools).Include(e => e.Themes).Include(e => e.Structure).Include(e => e.Territory)
            .SingleAsync(e => e.Id == Event.Id, ct);
        var title = $"Compte rendu — {ev.Title}";
        var slug = await Infrastructure.Slug.UniqueAsync(title, s => db.WikiPages.AnyAsync(p => p.Slug == s, ct), 140);
        var page = new WikiPage
        {
            Title = title, Slug = slug, Type = WikiPageType.Page, Visibility = WikiVisibility.Members,
            Categories = ["Comptes rendus"], Tools = [.. ev.Tools], Themes = [.. ev.Themes],
            Structures = ev.Structure is null ? [] : [ev.Structure], Territories = ev.Territory is null ? [] : [ev.Territory],
        };
        var markdown = $"""
            Rencontre du {ParisTime.Range(ev.StartsAt, ev.EndsAt)}{(ev.Place is null ? "" : ", " + ev.Place)}.

            ## Présents

            ## Ce qui a été dit

            ## Décisions

            ## Ce que nous avons appris sur les outils

            ## Prochaines étapes
            """;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await WikiStore.SaveRevisionAsync(db, page, title, markdown, "Compte rendu ouvert depuis l'événement",
            User.UserId(), now, ct);
        ev.MinutesPageId = page.Id;
        ev.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Redirect($"/wiki/{slug}/modifier");
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking();
        query = int.TryParse(key, out var id) ? query.Where(e => e.Id == id) : query.Where(e => e.Slug == key);
        var view = await query.Select(e => new View(e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.DescriptionHtml,
                e.Capacity, e.OpenToPublic, e.IsCancelled, e.GroupId, e.Group == null ? null : e.Group.Name, e.Group == null ? null : e.Group.Slug,
                e.MinutesPage == null ? null : e.MinutesPage.Slug, e.MinutesPage == null ? null : e.MinutesPage.Title,
                e.Structure == null ? null : e.Structure.Name, e.Structure == null ? null : e.Structure.Slug,
                e.Territory == null ? null : Territory.Label(e.Territory.Name, e.Territory.Parent == null ? null : e.Territory.Parent.Name, e.Territory.RetiredAt != null), e.Territory == null ? null : e.Territory.Slug,
                e.Tools.OrderBy(t => t.Name).Select(t => new Linked(t.Name, t.Slug)).ToList(),
                e.Themes.OrderBy(t => t.SortOrder).Select(t => (t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToList()))
            .SingleOrDefaultAsync(ct);
        if (view is null) return false;
        Event = view;
        var now = clock.GetUtcNow().UtcDateTime;
        IsPast = view.EndsAt <= now;
        HasStarted = view.StartsAt <= now;
        SignedIn = User.IsMember();
        CanOrganise = SignedIn && await GroupAccess.CanOrganiseAsync(db, User, view.GroupId, ct);
        CanWriteMinutes = CanOrganise && User.IsContributor();
        var counts = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == view.Id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Confirmed = counts.FirstOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.Count ?? 0;
        Waitlisted = counts.FirstOrDefault(c => c.Key == RegistrationStatus.Waitlisted)?.Count ?? 0;
        if (SignedIn)
        {
            var userId = User.UserId();
            var mine = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == view.Id && r.UserId == userId)
                .Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(ct);
            if (mine is not null && mine.Status != RegistrationStatus.Cancelled)
            {
                MyStatus = mine.Status;
                if (mine.Status == RegistrationStatus.Waitlisted)
                    MyPosition = 1 + await db.EventRegistrations.CountAsync(r => r.EventId == view.Id
                        && r.Status == RegistrationStatus.Waitlisted && r.Id < mine.Id, ct);
            }
        }
        if (CanOrganise)
            Registrants = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == view.Id && r.Status != RegistrationStatus.Cancelled)
                .OrderBy(r => r.Status).ThenBy(r => r.Id)
                .Select(r => new RegistrationRow(r.Id, r.User != null ? r.User.DisplayName : r.Name!, r.User != null ? r.User.Email : r.Email,
                    r.Status, r.CreatedAt))
                .ToListAsync(ct);
        return true;
    }
}
