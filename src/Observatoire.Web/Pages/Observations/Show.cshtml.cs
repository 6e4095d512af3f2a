using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Observations;

/// <summary>One observation, and the workflow on it: submit (author), validate or return with a comment (Coordination).</summary>
[Authorize(Policy = Policies.Member)]
public class ShowModel(ObservatoireDbContext db) : PageModel
{
    public View Item { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }
    public AppropriationScale Scale { get; private set; } = AppropriationScale.Default;

    [BindProperty]
    [Required(ErrorMessage = "Expliquez à l'auteur ce qu'il faut reprendre.")]
    [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
    [Display(Name = "Commentaire pour l'auteur")]
    public string? ReviewComment { get; set; }

    [BindProperty] public uint Version { get; set; }

    public record Link(string Slug, string Name);

    /// <summary>The experience reports (wiki pages) that name this observation, as far as the reader may read them.</summary>
    public IReadOnlyList<Link> Reports { get; private set; } = [];

    public record View(int Id, string Title, DateOnly ObservedOn, Link Structure, Link Territory, string? Observer,
        string? CreatedBy, string? CreatedById, int Participants, AppropriationLevel Level, string Description,
        string? WhatWorked, string? Difficulties, ObservationStatus Status, string? ReviewComment, DateTime UpdatedAt,
        DateTime? ValidatedAt, List<Link> Tools, List<Link> Themes, List<Link> Audiences, int StructureId, uint Version);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSoumettreAsync(int id, CancellationToken ct)
    {
        var (observation, access) = await Tracked(id, ct);
        if (observation is null) return NotFound();
        if (!access.CanSubmit(observation.Status, observation.StructureId, observation.CreatedById)) return Forbid();
        if (Stale(observation)) return Redirect($"/observations/{id}");
        await ChangeStatus(observation, access, ObservationStatus.Submitted, ObservationChangeKind.Submitted, null, ct);
        TempData["Message"] = "Observation soumise à la coordination.";
        return Redirect($"/observations/{id}");
    }

    public async Task<IActionResult> OnPostValiderAsync(int id, CancellationToken ct)
    {
        var (observation, access) = await Tracked(id, ct);
        if (observation is null) return NotFound();
        if (!access.CanReview(observation.Status)) return Forbid();
        if (Stale(observation)) return Redirect($"/observations/{id}");
        observation.ValidatedAt = DateTime.UtcNow;
        observation.ReviewComment = null;
        await ChangeStatus(observation, access, ObservationStatus.Validated, ObservationChangeKind.Validated, null, ct);
        TempData["Message"] = "Observation validée : elle compte désormais dans les chiffres publiés.";
        return Redirect(Url.Content("~/observations/a-valider"));
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(int id, CancellationToken ct)
    {
        var (observation, access) = await Tracked(id, ct);
        if (observation is null) return NotFound();
        if (!access.CanReview(observation.Status)) return Forbid();
        if (!ModelState.IsValid)
        {
            await Load(id, ct);
            return Page();
        }
        if (Stale(observation)) return Redirect($"/observations/{id}");
        var comment = ReviewComment!.Trim();
        observation.ReviewComment = comment;
        await ChangeStatus(observation, access, ObservationStatus.Draft, ObservationChangeKind.Returned, comment, ct);
        TempData["Message"] = "Observation renvoyée à son auteur avec votre commentaire.";
        return Redirect(Url.Content("~/observations/a-valider"));
    }

    private async Task<(Observation?, ObservationAccess)> Tracked(int id, CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        var observation = await db.Observations.FirstOrDefaultAsync(o => o.Id == id, ct);
        return observation is not null && access.CanSee(observation.Status, observation.StructureId, observation.CreatedById)
            ? (observation, access) : (null, access);
    }

    /// <summary>Someone changed the observation since this page was shown: act on what they see now, not blindly.</summary>
    private bool Stale(Observation observation)
    {
        if (observation.Version == Version) return false;
        TempData["Message"] = "Cette observation a été modifiée entre-temps : relisez-la avant d'agir.";
        return true;
    }

    private async Task ChangeStatus(Observation o, ObservationAccess access, ObservationStatus status,
        ObservationChangeKind kind, string? comment, CancellationToken ct)
    {
        var before = o.Status;
        o.Status = status;
        o.UpdatedAt = DateTime.UtcNow;
        db.ObservationChanges.Add(ObservationForm.Change(o, access.UserId, access.DisplayName, kind,
            [new FieldChange { Field = "Statut", Before = before.Label(), After = status.Label() }], comment));
        if (status == ObservationStatus.Submitted) await ObservationNotices.SubmittedAsync(db, o, access, ct);
        else await ObservationNotices.ReviewedAsync(db, o, access, comment, ct);
        db.Entry(o).Property(x => x.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Cette observation a été modifiée entre-temps : relisez-la avant d'agir.";
        }
    }

    private async Task<bool> Load(int id, CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        var item = await access.Visible(db.Observations.AsNoTracking()).Where(o => o.Id == id)
            .Select(o => new View(o.Id, o.Title, o.ObservedOn, new Link(o.Structure.Slug, o.Structure.Name),
                new Link(o.Territory.Slug, Territory.Label(o.Territory.Name, o.Territory.Parent == null ? null : o.Territory.Parent.Name,
                    o.Territory.RetiredAt != null || (o.Territory.Parent != null && o.Territory.Parent.RetiredAt != null))),
                o.Observer != null ? o.Observer.FullName : null,
                o.CreatedBy != null ? o.CreatedBy.DisplayName : null, o.CreatedById, o.ParticipantsCount,
                o.AppropriationLevel, o.Description, o.WhatWorked, o.Difficulties, o.Status, o.ReviewComment, o.UpdatedAt,
                o.ValidatedAt,
                o.Tools.OrderBy(t => t.Name).Select(t => new Link(t.Slug, t.Status == ToolStatus.Pending ? t.Name + DigitalTool.PendingMark : t.Name)).ToList(),
                o.Themes.OrderBy(t => t.SortOrder).Select(t => new Link(t.Slug, t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToList(),
                o.Audiences.OrderBy(a => a.SortOrder).Select(a => new Link(a.Slug, a.RetiredAt == null ? a.Name : a.Name + ReferenceValues.RetiredMark)).ToList(),
                o.StructureId, o.Version))
            .FirstOrDefaultAsync(ct);
        if (item is null) return false;
        Item = item;
        Version = item.Version;
        DescriptionHtml = Markdown.Render(item.Description).Html;
        Reports = await db.WikiPages.AsNoTracking().Readable(User).Where(p => p.Observations.Any(x => x.Id == id))
            .OrderBy(p => p.Title).Select(p => new Link(p.Slug, p.Title)).ToListAsync(ct);
        Scale = await AppropriationScale.LoadAsync(db, ct);
        CanEdit = access.CanEdit(item.Status, item.StructureId, item.CreatedById);
        CanSubmit = access.CanSubmit(item.Status, item.StructureId, item.CreatedById);
        CanReview = access.CanReview(item.Status);
        return true;
    }
}
