using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// Organising an event (/evenements/nouveau) or changing it (/evenements/{id}/modifier): Coordination, or the
/// animateurs of its group. Times are typed in Paris wall time; a grown capacity gives seats to the waiting list.
/// </summary>
[Authorize(Policy = Policies.Member)]
public class EditModel(ObservatoireDbContext db, Mailer mailer, AccountLinks links, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Choice> Groups { get; private set; } = [];
    public IReadOnlyList<Choice> Structures { get; private set; } = [];
    public IReadOnlyList<Choice> Territories { get; private set; } = [];
    public IReadOnlyList<Choice> Tools { get; private set; } = [];
    public IReadOnlyList<Choice> Themes { get; private set; } = [];
    public bool Conflict { get; private set; }
    public string? Slug { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un titre à l'événement.")]
        [StringLength(200, ErrorMessage = "Le titre ne peut dépasser 200 caractères.")]
        public string Title { get; set; } = "";
        public int? GroupId { get; set; }
        [Required(ErrorMessage = "Indiquez la date.")]
        public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Indiquez l'heure de début.")]
        public TimeOnly? StartTime { get; set; }
        /// <summary>Only for an event over several days; the same day otherwise.</summary>
        public DateOnly? EndDate { get; set; }
        [Required(ErrorMessage = "Indiquez l'heure de fin.")]
        public TimeOnly? EndTime { get; set; }
        [StringLength(300, ErrorMessage = "Le lieu ne peut dépasser 300 caractères.")]
        public string? Place { get; set; }
        [StringLength(500, ErrorMessage = "Le lien ne peut dépasser 500 caractères.")]
        public string? OnlineUrl { get; set; }
        [StringLength(20000, ErrorMessage = "La description ne peut dépasser 20 000 caractères.")]
        public string? Description { get; set; }
        [Range(1, 10000, ErrorMessage = "Le nombre de places doit être compris entre 1 et 10 000 ; laissez vide pour ne pas limiter.")]
        public int? Capacity { get; set; }
        public bool OpenToPublic { get; set; }
        public int? StructureId { get; set; }
        public int? TerritoryId { get; set; }
        public List<int> ToolIds { get; set; } = [];
        public List<int> ThemeIds { get; set; } = [];
        [StringLength(140, ErrorMessage = "L'adresse de la page ne peut dépasser 140 caractères.")]
        public string? MinutesSlug { get; set; }
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "groupe")] string? groupSlug, CancellationToken ct)
    {
        if (Id is int id)
        {
            var e = await db.Events.AsNoTracking().Include(e => e.Tools).Include(e => e.Themes).Include(e => e.MinutesPage)
                .SingleOrDefaultAsync(e => e.Id == id, ct);
            if (e is null) return NotFound();
            if (!await GroupAccess.CanOrganiseAsync(db, User, e.GroupId, ct)) return Forbid();
            var start = ParisTime.ToParis(e.StartsAt);
            var end = ParisTime.ToParis(e.EndsAt);
            Slug = e.Slug;
            Input = new InputModel
            {
                Title = e.Title, GroupId = e.GroupId, Date = DateOnly.FromDateTime(start), StartTime = TimeOnly.FromDateTime(start),
                EndDate = end.Date == start.Date ? null : DateOnly.FromDateTime(end), EndTime = TimeOnly.FromDateTime(end),
                Place = e.Place, OnlineUrl = e.OnlineUrl, Description = e.Description, Capacity = e.Capacity, OpenToPublic = e.OpenToPublic,
                StructureId = e.StructureId, TerritoryId = e.TerritoryId, ToolIds = e.Tools.Select(t => t.Id).ToList(),
                ThemeIds = e.Themes.Select(t => t.Id).ToList(), MinutesSlug = e.MinutesPage?.Slug, Version = e.Version,
            };
        }
        else
        {
            if (!User.IsCoordination() && !await GroupAccess.Organisable(db, User).AnyAsync(ct)) return Forbid();
            if (groupSlug is not null)
                Input.GroupId = await GroupAccess.Organisable(db, User).Where(g => g.Slug == groupSlug).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        }
        await LoadChoicesAsync(Input.TerritoryId, Input.ThemeIds, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Event? ev = null;
        if (Id is int id)
        {
            ev = await db.Events.Include(e => e.Tools).Include(e => e.Themes).SingleOrDefaultAsync(e => e.Id == id, ct);
            if (ev is null) return NotFound();
            if (!await GroupAccess.CanOrganiseAsync(db, User, ev.GroupId, ct)) return Forbid();
            Slug = ev.Slug;
        }
        else if (!User.IsCoordination() && !await GroupAccess.Organisable(db, User).AnyAsync(ct))
        {
            return Forbid();
        }

        // Moving an event to another group (or out of any group) needs the right to organise there too.
        if (Input.GroupId != ev?.GroupId || ev is null)
        {
            if (Input.GroupId is int g ? !await GroupAccess.Organisable(db, User).AnyAsync(x => x.Id == g, ct) : !User.IsCoordination())
                ModelState.AddModelError("Input.GroupId", User.IsCoordination()
                    ? "Ce groupe n'existe pas." : "Choisissez un groupe que vous animez.");
        }
        DateTime? startsAt = null, endsAt = null;
        if (Input.Date is DateOnly date && Input.StartTime is TimeOnly startTime && Input.EndTime is TimeOnly endTime)
        {
            startsAt = ParisTime.ToUtc(date, startTime);
            if (startsAt is null)
                ModelState.AddModelError("Input.StartTime", SkippedHour(date));
            var endDate = Input.EndDate ?? date;
            endsAt = ParisTime.ToUtc(endDate, endTime);
            if (endsAt is null)
                ModelState.AddModelError("Input.EndTime", SkippedHour(endDate));
            else if (startsAt is not null && endsAt <= startsAt)
                ModelState.AddModelError("Input.EndTime", "La fin doit venir après le début.");
        }
        if (!string.IsNullOrWhiteSpace(Input.OnlineUrl)
            && !WebAddress.IsValid(Input.OnlineUrl))
            ModelState.AddModelError("Input.OnlineUrl", "Le lien doit être une adresse web complète, commençant par https://.");
        if (string.IsNullOrWhiteSpace(Input.Place) && string.IsNullOrWhiteSpace(Input.OnlineUrl))
            ModelState.AddModelError("Input.Place", "Indiquez un lieu, un lien de visioconférence, ou les deux.");
        WikiPage? minutes = null;
        if (!string.IsNullOrWhiteSpace(Input.MinutesSlug))
        {
            var minutesSlug = Input.MinutesSlug.Trim().TrimStart('/');
            if (minutesSlug.StartsWith("wiki/", StringComparison.Ordinal)) minutesSlug = minutesSlug[5..];
            minutes = await db.WikiPages.SingleOrDefaultAsync(p => p.Slug == minutesSlug, ct);
            if (minutes is null) ModelState.AddModelError("Input.MinutesSlug", "Aucune page du wiki ne porte cette adresse.");
        }
        if (Input.StructureId is int sid && !await db.Structures.AnyAsync(s => s.Id == sid, ct))
            ModelState.AddModelError("Input.StructureId", "Cette structure n'existe pas.");
        // A retired territory or theme stays only where the event already had it.
        await LoadChoicesAsync(ev?.TerritoryId, ev?.Themes.Select(t => t.Id) ?? [], ct);
        if (Input.TerritoryId is int tid && Territories.All(t => t.Id != tid))
            ModelState.AddModelError("Input.TerritoryId", "Choisissez un territoire de la liste.");
        if (Input.ThemeIds.Any(id => Themes.All(t => t.Id != id)))
            ModelState.AddModelError("Input.ThemeIds", "Un des thèmes choisis n'est plus proposé : cochez-en un de la liste.");
        if (!ModelState.IsValid) return Page();

        var rendered = await WikiMarkdown.RenderAsync(db, Input.Description, ct);
        var tools = await db.DigitalTools.Where(t => Input.ToolIds.Contains(t.Id)).ToListAsync(ct);
        var themes = await db.Themes.Where(t => Input.ThemeIds.Contains(t.Id)).ToListAsync(ct);
        if (ev is null)
        {
            var slug = await Infrastructure.Slug.UniqueAsync($"{Input.Title} {Input.Date:yyyy-MM-dd}",
                s => db.Events.AnyAsync(e => e.Slug == s, ct), 140);
            ev = new Event { Title = "", Slug = slug, CreatedAt = now, CreatedById = User.UserId() };
            db.Events.Add(ev);
        }
        else
        {
            db.Entry(ev).Property(e => e.Version).OriginalValue = Input.Version;
            ev.Sequence++;
        }
        ev.Title = Input.Title.Trim();
        ev.GroupId = Input.GroupId;
        ev.StartsAt = startsAt!.Value;
        ev.EndsAt = endsAt!.Value;
        ev.Place = Clean(Input.Place);
        ev.OnlineUrl = Clean(Input.OnlineUrl);
        ev.Description = (Input.Description ?? "").Replace("\r\n", "\n");
        ev.DescriptionHtml = rendered.Html;
        ev.DescriptionText = rendered.PlainText.Length <= 20000 ? rendered.PlainText : rendered.PlainText[..20000];
        ev.Capacity = Input.Capacity;
        ev.OpenToPublic = Input.OpenToPublic;
        ev.StructureId = Input.StructureId;
        ev.TerritoryId = Input.TerritoryId;
        ev.MinutesPageId = minutes?.Id;
        ev.Tools.Clear();
        ev.Tools.AddRange(tools);
        ev.Themes.Clear();
        ev.Themes.AddRange(themes);
        ev.UpdatedAt = now;

        IReadOnlyList<EventRegistration> promoted = [];
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                Conflict = true;
                var current = await db.Events.AsNoTracking().Where(e => e.Id == ev.Id).Select(e => e.Version).SingleAsync(ct);
                ModelState.Remove("Input.Version");
                Input.Version = current;
                return Page();
            }
            promoted = await Registrations.PromoteAsync(db, ev.Id, now, ct);
            await tx.CommitAsync(ct);
        }
        await Notifications.SeatsGivenAsync(db, mailer, links, ev, promoted, ct);
        TempData["Message"] = Id is null ? "L'événement est publié." : "L'événement est enregistré.";
        return Redirect($"/evenements/{ev.Slug}");
    }

    private static string SkippedHour(DateOnly date) =>
        $"Cette heure n'existe pas le {ParisTime.Date(date)} : cette nuit-là, les horloges passent de 2 h à 3 h (heure d'été). Choisissez une autre heure.";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <param name="keptTerritory">The event's own territory and themes: offered even when retired.</param>
    private async Task LoadChoicesAsync(int? keptTerritory, IEnumerable<int> keptThemes, CancellationToken ct)
    {
        Groups = await GroupAccess.Organisable(db, User).AsNoTracking().OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
        Structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        Territories = await ReferenceChoices.TerritoriesAsync(db, [keptTerritory], ct);
        Tools = await db.DigitalTools.AsNoTracking().Where(t => t.Status == ToolStatus.Listed || Input.ToolIds.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        Themes = await ReferenceChoices.OfferedAsync(db.Themes, keptThemes, ct);
    }
}
