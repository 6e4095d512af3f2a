namespace Observatoire.Web.Pages.Watch;

/// <summary>The RSS and Atom sources Coordination chose: add, pause, remove, read now; with each one's last result.</summary>
[Authorize(Policy = Policies.Coordination)]
public class SourcesModel(ObservatoireDbContext db, FeedFetcher fetcher, TimeProvider clock) : PageModel
{
    public record Row(int Id, string Name, string Url, bool IsActive, DateTime? LastFetchedAt, string? LastError, int ItemsImported);

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Row> Sources { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un nom à la source.")]
        [StringLength(160, ErrorMessage = "Le nom ne peut dépasser 160 caractères.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Collez l'adresse du flux RSS ou Atom.")]
        [StringLength(1000, ErrorMessage = "L'adresse ne peut dépasser 1 000 caractères.")]
        public string Url { get; set; } = "";
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var url = Input.Url?.Trim() ?? "";
        if (url.Length > 0 && !WebAddress.IsValid(url))
            ModelState.AddModelError("Input.Url", "L'adresse doit être complète et commencer par https:// ou http://.");
        else if (url.Length > 0 && await db.FeedSources.AnyAsync(s => s.Url == url, ct))
            ModelState.AddModelError("Input.Url", "Cette source est déjà suivie.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.FeedSources.Add(new FeedSource { Name = Input.Name.Trim(), Url = url, IsActive = true, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "La source est ajoutée : elle sera lue dans les prochaines minutes, ou tout de suite avec « Lire maintenant ».";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(int sourceId, CancellationToken ct)
    {
        var source = await db.FeedSources.SingleOrDefaultAsync(s => s.Id == sourceId, ct);
        if (source is null) return NotFound();
        source.IsActive = !source.IsActive;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = source.IsActive ? "La source est de nouveau lue." : "La source n'est plus lue.";
        return RedirectToPage();
    }

    /// <summary>Removes the source; its items stay in the watch (those to review included), detached from it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int sourceId, CancellationToken ct)
    {
        var removed = await db.FeedSources.Where(s => s.Id == sourceId).ExecuteDeleteAsync(ct);
        if (removed == 0) return NotFound();
        TempData["Message"] = "La source est supprimée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFetchAsync(int sourceId, CancellationToken ct)
    {
        if (!await db.FeedSources.AnyAsync(s => s.Id == sourceId, ct)) return NotFound();
        var result = await fetcher.FetchAsync(sourceId, ct);
        TempData["Message"] = result.Error is not null ? "La lecture a échoué : " + result.Error
            : result.Imported == 0 ? "Lecture faite : aucun nouveau lien."
            : result.Imported == 1 ? "Lecture faite : 1 nouveau lien à examiner." : $"Lecture faite : {result.Imported} nouveaux liens à examiner.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sources = await db.FeedSources.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Url, s.IsActive, s.LastFetchedAt, s.LastError, s.ItemsImported)).ToListAsync(ct);
}
