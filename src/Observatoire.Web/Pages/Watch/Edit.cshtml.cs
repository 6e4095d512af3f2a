namespace Observatoire.Web.Pages.Watch;

/// <summary>
/// Posting a link (/veille/proposer, any member: published at once) or changing one (/veille/{id}/modifier:
/// its author or Coordination, which also completes items read from feeds before publishing them).
/// </summary>
[Authorize(Policy = Policies.Member)]
public class EditModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Choice> Themes { get; private set; } = [];
    public IReadOnlyList<Choice> Tools { get; private set; } = [];
    public IReadOnlyList<Choice> Territories { get; private set; } = [];
    public IReadOnlyList<Choice> Groups { get; private set; } = [];
    public int? DuplicateId { get; private set; }
    public bool Conflict { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Collez l'adresse du lien.")]
        [StringLength(1000, ErrorMessage = "L'adresse ne peut dépasser 1 000 caractères.")]
        public string Url { get; set; } = "";
        [Required(ErrorMessage = "Donnez un titre.")]
        [StringLength(300, ErrorMessage = "Le titre ne peut dépasser 300 caractères.")]
        public string Title { get; set; } = "";
        [StringLength(4000, ErrorMessage = "La note ne peut dépasser 4 000 caractères.")]
        public string? Note { get; set; }
        public List<int> ThemeIds { get; set; } = [];
        public List<int> ToolIds { get; set; } = [];
        public int? TerritoryId { get; set; }
        public int? GroupId { get; set; }
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "groupe")] string? groupSlug, CancellationToken ct)
    {
        if (Id is int id)
        {
            var item = await db.WatchItems.AsNoTracking().Include(w => w.Themes).Include(w => w.Tools).SingleOrDefaultAsync(w => w.Id == id, ct);
            if (item is null) return NotFound();
            if (!CanEdit(item)) return Forbid();
            Input = new InputModel
            {
                Url = item.Url, Title = item.Title, Note = item.Note, ThemeIds = item.Themes.Select(t => t.Id).ToList(),
                ToolIds = item.Tools.Select(t => t.Id).ToList(), TerritoryId = item.TerritoryId, GroupId = item.GroupId, Version = item.Version,
            };
        }
        else if (groupSlug is not null)
        {
            Input.GroupId = await MyGroups().Where(g => g.Slug == groupSlug).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        }
        await LoadChoicesAsync(Input.TerritoryId, Input.ThemeIds, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        WatchItem? item = null;
        if (Id is int id)
        {
            item = await db.WatchItems.Include(w => w.Themes).Include(w => w.Tools).SingleOrDefaultAsync(w => w.Id == id, ct);
            if (item is null) return NotFound();
            if (!CanEdit(item)) return Forbid();
        }
        var url = Input.Url?.Trim() ?? "";
        if (url.Length > 0 && !WebAddress.IsValid(url))
            ModelState.AddModelError("Input.Url", "L'adresse doit être complète et commencer par https:// ou http://.");
        else if (url.Length > 0)
        {
            DuplicateId = await db.WatchItems.Where(w => w.Url == url && w.Id != (item == null ? 0 : item.Id))
                .Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
            if (DuplicateId is not null) ModelState.AddModelError("Input.Url", "Ce lien a déjà été partagé dans la veille.");
        }
        if (Input.GroupId is int gid && !await MyGroups().AnyAsync(g => g.Id == gid, ct))
            ModelState.AddModelError("Input.GroupId", "Choisissez un groupe dont vous êtes membre.");
        // A retired territory or theme stays only where the link already had it.
        await LoadChoicesAsync(item?.TerritoryId, item?.Themes.Select(t => t.Id) ?? [], ct);
        if (Input.TerritoryId is int tid && Territories.All(t => t.Id != tid))
            ModelState.AddModelError("Input.TerritoryId", "Choisissez un territoire de la liste.");
        if (Input.ThemeIds.Any(id => Themes.All(t => t.Id != id)))
            ModelState.AddModelError("Input.ThemeIds", "Un des thèmes choisis n'est plus proposé : cochez-en un de la liste.");
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        if (item is null)
        {
            item = new WatchItem
            {
                Url = url, Title = "", Status = WatchStatus.Published, CreatedAt = now, PublishedAt = now,
                PostedById = User.UserId(),
            };
            db.WatchItems.Add(item);
        }
        else
        {
            db.Entry(item).Property(w => w.Version).OriginalValue = Input.Version;
        }
        item.Url = url;
        item.Title = Input.Title.Trim();
        item.Note = Input.Note?.Trim() ?? "";
        item.TerritoryId = Input.TerritoryId;
        item.GroupId = Input.GroupId;
        item.Themes.Clear();
        item.Themes.AddRange(await db.Themes.Where(t => Input.ThemeIds.Contains(t.Id)).ToListAsync(ct));
        item.Tools.Clear();
        item.Tools.AddRange(await db.DigitalTools.Where(t => Input.ToolIds.Contains(t.Id)).ToListAsync(ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            ModelState.Remove("Input.Version");
            Input.Version = await db.WatchItems.AsNoTracking().Where(w => w.Id == item.Id).Select(w => w.Version).SingleAsync(ct);
            return Page();
        }
        TempData["Message"] = Id is null ? "Merci : le lien est publié dans la veille." : "Le lien est enregistré.";
        return Redirect($"/veille/{item.Id}");
    }

    private bool CanEdit(WatchItem item) =>
        User.IsCoordination() || (item.PostedById is not null && item.PostedById == User.UserId());

    private IQueryable<WorkingGroup> MyGroups()
    {
        if (User.IsCoordination()) return db.WorkingGroups;
        var userId = User.UserId() ?? "";
        return db.WorkingGroups.Where(g => g.Memberships.Any(m => m.Status == MembershipStatus.Approved
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId))));
    }

    /// <param name="keptTerritory">The link's own territory and themes: offered even when retired.</param>
    private async Task LoadChoicesAsync(int? keptTerritory, IEnumerable<int> keptThemes, CancellationToken ct)
    {
        Themes = await ReferenceChoices.OfferedAsync(db.Themes, keptThemes, ct);
        Tools = await db.DigitalTools.AsNoTracking().Where(t => t.Status == ToolStatus.Listed || Input.ToolIds.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        Territories = await ReferenceChoices.TerritoriesAsync(db, [keptTerritory], ct);
        Groups = await MyGroups().AsNoTracking().OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
    }
}
