using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Watch;

/// <summary>
/// A watch item: members comment and mark it useful; contributors turn it into a wiki page or link it to
/// observations; Coordination publishes items read from feeds, or removes items.
/// </summary>
public class ShowModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxComment = 2000;

    public record View(int Id, string Url, string Title, string Note, WatchStatus Status, DateTime CreatedAt, DateTime? PublishedAt,
        string? PostedBy, string? PostedById, string? SourceName, string? GroupName, string? GroupSlug, string? TerritoryName, string? TerritorySlug,
        string? WikiSlug, string? WikiTitle, List<Linked> Tools, List<string> Themes);
    public record Linked(string Name, string Slug);
    public record CommentRow(string Author, DateTime At, string Body);
    public record ObservationRow(int Id, string Title, DateOnly ObservedOn);

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public int? ObservationId { get; set; }
    public View Item { get; private set; } = null!;
    public IReadOnlyList<CommentRow> Comments { get; private set; } = [];
    public IReadOnlyList<ObservationRow> Observations { get; private set; } = [];
    public int Useful { get; private set; }
    public bool MarkedUseful { get; private set; }
    public bool IsMember { get; private set; }
    public bool IsContributor { get; private set; }
    public bool IsCoordination { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(id, ct)) return NotFound();
        var body = Comment?.Trim() ?? "";
        if (body.Length == 0) ModelState.AddModelError(nameof(Comment), "Écrivez votre commentaire.");
        else if (body.Length > MaxComment) ModelState.AddModelError(nameof(Comment), $"Le commentaire ne peut dépasser {MaxComment} caractères.");
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        // The followers' notices commit with the comment.
        await WatchNotices.CommentedAsync(db, id, Item.Title, Item.PostedById, User.UserId()!, User.FindFirstValue(ObservatoireClaims.DisplayName) ?? "Un membre", body, now, ct);
        db.WatchComments.Add(new WatchComment { ItemId = id, AuthorId = User.UserId(), Body = body, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return Redirect($"/veille/{id}#commentaires");
    }

    /// <summary>Marks the item useful, or removes the mark: one per member, by the table's key.</summary>
    public async Task<IActionResult> OnPostUsefulAsync(int id, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(id, ct)) return NotFound();
        var userId = User.UserId()!;
        if (MarkedUseful)
        {
            await db.WatchUsefuls.Where(u => u.ItemId == id && u.UserId == userId).ExecuteDeleteAsync(ct);
        }
        else
        {
            // ON CONFLICT: a double click or two tabs leave one mark, not an error.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "WatchUsefuls" ("ItemId", "UserId", "CreatedAt") VALUES ({id}, {userId}, {now}) ON CONFLICT DO NOTHING""", ct);
        }
        return Redirect($"/veille/{id}#utile");
    }

    /// <summary>Turns the item into a wiki page about the same themes, tools and territory, saved through the wiki.</summary>
    public async Task<IActionResult> OnPostToWikiAsync(int id, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsContributor) return Forbid();
        if (Item.WikiSlug is not null) return Redirect($"/wiki/{Item.WikiSlug}");
        var item = await db.WatchItems.Include(w => w.Themes).Include(w => w.Tools).Include(w => w.Territory).SingleAsync(w => w.Id == id, ct);
        var slug = await Infrastructure.Slug.UniqueAsync(item.Title, s => db.WikiPages.AnyAsync(p => p.Slug == s, ct), 140);
        if (WikiAccess.ReservedSlugs.Contains(slug)) slug = await Infrastructure.Slug.UniqueAsync("veille " + item.Title, s => db.WikiPages.AnyAsync(p => p.Slug == s, ct), 140);
        var title = item.Title.Length <= 200 ? item.Title : item.Title[..200];
        var page = new WikiPage
        {
            Title = title, Slug = slug, Type = WikiPageType.Page, Visibility = WikiVisibility.Members, Categories = ["Veille"],
            Themes = [.. item.Themes], Tools = [.. item.Tools], Territories = item.Territory is null ? [] : [item.Territory],
        };
        var markdown = $"""
            Repéré dans la veille : <{item.Url}>

            {item.Note}

            ## Ce que nous en retenons

            ## Ce qui pourrait servir ici
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await WikiStore.SaveRevisionAsync(db, page, title, markdown, "Page créée depuis la veille", User.UserId(), now, ct);
        item.WikiPageId = page.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Redirect($"/wiki/{slug}/modifier");
    }

    public async Task<IActionResult> OnPostLinkObservationAsync(int id, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsContributor) return Forbid();
        var observation = ObservationId is int oid ? await VisibleObservations().SingleOrDefaultAsync(o => o.Id == oid, ct) : null;
        if (observation is null)
        {
            ModelState.AddModelError(nameof(ObservationId), "Aucune observation que vous pouvez consulter ne porte ce numéro.");
            return Page();
        }
        var item = await db.WatchItems.Include(w => w.Observations).SingleAsync(w => w.Id == id, ct);
        if (item.Observations.All(o => o.Id != observation.Id))
        {
            item.Observations.Add(observation);
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = $"Le lien est rattaché à l'observation n° {observation.Id}.";
        return Redirect($"/veille/{id}#observations");
    }

    public async Task<IActionResult> OnPostUnlinkObservationAsync(int id, int observationId, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsContributor) return Forbid();
        var item = await db.WatchItems.Include(w => w.Observations).SingleAsync(w => w.Id == id, ct);
        item.Observations.RemoveAll(o => o.Id == observationId);
        await db.SaveChangesAsync(ct);
        return Redirect($"/veille/{id}#observations");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!User.IsCoordination()) return Forbid();
        var item = await db.WatchItems.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return NotFound();
        if (item.Status != WatchStatus.Published)
        {
            item.Status = WatchStatus.Published;
            item.PublishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = "Le lien est publié dans la veille.";
        return Redirect($"/veille/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        if (!User.IsCoordination()) return Forbid();
        var item = await db.WatchItems.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return NotFound();
        // A feed item is set aside rather than deleted, so the next reading of its feed does not bring it back.
        var fromFeed = item.SourceId is not null;
        if (fromFeed) item.Status = WatchStatus.Discarded;
        else db.WatchItems.Remove(item);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = fromFeed ? "Le lien est écarté de la veille." : "Le lien est supprimé de la veille.";
        return Redirect(fromFeed ? "/veille/a-examiner" : "/veille");
    }

    private IQueryable<Observation> VisibleObservations()
    {
        var query = db.Observations.AsQueryable();
        if (IsCoordination) return query;
        var userId = User.UserId();
        return query.Where(o => o.Status == ObservationStatus.Validated || o.CreatedById == userId);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        IsContributor = User.IsContributor();
        var item = await db.WatchItems.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new View(w.Id, w.Url, w.Title, w.Note, w.Status, w.CreatedAt, w.PublishedAt,
                w.PostedBy == null ? null : w.PostedBy.DisplayName, w.PostedById, w.Source == null ? null : w.Source.Name,
                w.Group == null ? null : w.Group.Name, w.Group == null ? null : w.Group.Slug,
                w.Territory == null ? null : Territory.Label(w.Territory.Name, w.Territory.Parent == null ? null : w.Territory.Parent.Name, w.Territory.RetiredAt != null), w.Territory == null ? null : w.Territory.Slug,
                w.WikiPage == null ? null : w.WikiPage.Slug, w.WikiPage == null ? null : w.WikiPage.Title,
                w.Tools.OrderBy(t => t.Name).Select(t => new Linked(t.Name, t.Slug)).ToList(),
                w.Themes.OrderBy(t => t.SortOrder).Select(t => (t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToList()))
            .SingleOrDefaultAsync(ct);
        // Items waiting for review exist only for Coordination.
        if (item is null || (item.Status != WatchStatus.Published && !IsCoordination)) return false;
        Item = item;
        var userId = User.UserId();
        CanEdit = IsCoordination || (userId is not null && item.PostedById == userId);
        Useful = await db.WatchUsefuls.CountAsync(u => u.ItemId == id, ct);
        if (IsMember)
        {
            MarkedUseful = await db.WatchUsefuls.AnyAsync(u => u.ItemId == id && u.UserId == userId, ct);
            Comments = await db.WatchComments.AsNoTracking().Where(c => c.ItemId == id).OrderBy(c => c.CreatedAt)
                .Select(c => new CommentRow(c.Author == null ? "Compte supprimé" : c.Author.DisplayName, c.CreatedAt, c.Body)).ToListAsync(ct);
            Observations = await VisibleObservations().AsNoTracking()
                .Where(o => db.WatchItems.Any(w => w.Id == id && w.Observations.Any(x => x.Id == o.Id)))
                .OrderByDescending(o => o.ObservedOn).Select(o => new ObservationRow(o.Id, o.Title, o.ObservedOn)).ToListAsync(ct);
        }
        return true;
    }
}
