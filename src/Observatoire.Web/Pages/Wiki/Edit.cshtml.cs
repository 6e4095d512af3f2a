namespace Observatoire.Web.Pages.Wiki;

/// <summary>
/// Writes a page (or creates a missing one). A save based on an older revision than the current one is merged
/// three ways; when both edits touch the same lines, the form comes back with both versions and the user's text.
/// </summary>
[Authorize(Policy = Policies.Contributor)]
public class EditModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Slug { get; private set; } = "";
    public bool IsNew { get; private set; }
    public bool CanCoordinate { get; private set; }
    public WikiRendered? Preview { get; private set; }
    public ConflictView? Conflict { get; private set; }
    public IReadOnlyList<Choice> StructureChoices { get; private set; } = [];
    public IReadOnlyList<Choice> ToolChoices { get; private set; } = [];
    public IReadOnlyList<Choice> TerritoryChoices { get; private set; } = [];
    public IReadOnlyList<Choice> ThemeChoices { get; private set; } = [];

    /// <summary>The observations ticked in the form that the person may see, shown as ticked boxes.</summary>
    public IReadOnlyList<ObservationRow> LinkedObservations { get; private set; } = [];
    /// <summary>Observations linked to the page that this person may not see: kept on save, never shown.</summary>
    public int HiddenLinkedObservations { get; private set; }
    /// <summary>The matches of <see cref="InputModel.ObservationQuery"/>; null when nothing was searched.</summary>
    public ObservationResults? FoundObservations { get; private set; }

    public record ObservationRow(int Id, string Title, DateOnly ObservedOn, string Structure);

    /// <summary>At most <see cref="ObservationSearchLimit"/> rows; <see cref="More"/> when more matched.</summary>
    public record ObservationResults(string Query, IReadOnlyList<ObservationRow> Rows, bool More)
    {
        public string Status => Rows.Count switch
        {
            0 => $"Aucune observation trouvée pour « {Query} ».",
            _ when More => $"Plus de {Rows.Count} observations trouvées pour « {Query} » : les {Rows.Count} plus récentes sont affichées, précisez la recherche.",
            1 => $"1 observation trouvée pour « {Query} ».",
            _ => $"{Rows.Count} observations trouvées pour « {Query} ».",
        };
    }

    public const int ObservationSearchLimit = 20;

    /// <summary>
    /// A conflict in three views: their change (base → their revision <see cref="Number"/>), the user's change (base →
    /// the text typed), and the merge, where each conflicting passage shows both sides. <see cref="BaseNumber"/> is 0
    /// when the page did not exist when the user started.
    /// </summary>
    public record ConflictView(int BaseNumber, int Number, string Author, DateTime At, string Markdown,
        IReadOnlyList<DiffSegment> TheirChange, IReadOnlyList<DiffSegment> YourChange, IReadOnlyList<MergePart> Merge);

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un titre à la page.")]
        [StringLength(200, ErrorMessage = "Le titre ne peut dépasser 200 caractères.")]
        [Display(Name = "Titre")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Écrivez le contenu de la page.")]
        [StringLength(100_000, ErrorMessage = "Le contenu ne peut dépasser 100 000 caractères.")]
        [Display(Name = "Contenu")]
        public string Markdown { get; set; } = "";

        [StringLength(300, ErrorMessage = "Le résumé ne peut dépasser 300 caractères.")]
        [Display(Name = "Résumé de la modification")]
        public string? Comment { get; set; }

        /// <summary>The revision the editor started from: 0 for a new page.</summary>
        public int BaseRevision { get; set; }

        public WikiPageType Type { get; set; }
        public WikiVisibility Visibility { get; set; } = WikiVisibility.Members;
        public bool IsProtected { get; set; }

        [StringLength(600, ErrorMessage = "La liste des catégories ne peut dépasser 600 caractères.")]
        [Display(Name = "Catégories")]
        public string? Categories { get; set; }

        public List<int> StructureIds { get; set; } = [];
        public List<int> ToolIds { get; set; } = [];
        public List<int> TerritoryIds { get; set; } = [];
        public List<int> ThemeIds { get; set; } = [];

        /// <summary>The ticked observations: the page's links as they will be saved.</summary>
        public List<int> ObservationIds { get; set; } = [];

        /// <summary>Words (or a number) to find observations to link; kept through every round trip, never stored.</summary>
        [StringLength(200, ErrorMessage = "La recherche ne peut dépasser 200 caractères.")]
        [Display(Name = "Chercher une observation")]
        public string? ObservationQuery { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, string? titre, string? type, CancellationToken ct)
    {
        if (Normalized(slug) is { } redirect) return redirect;
        var page = await db.WikiPages.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new
            {
                p.Title, p.Type, p.Visibility, p.IsProtected, p.Categories, p.CurrentRevisionNumber,
                Markdown = p.CurrentRevision!.Markdown,
                Structures = p.Structures.Select(s => s.Id).ToList(),
                Tools = p.Tools.Select(t => t.Id).ToList(),
                Territories = p.Territories.Select(t => t.Id).ToList(),
                Themes = p.Themes.Select(t => t.Id).ToList(),
                Observations = p.Observations.Select(o => o.Id).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (page is null)
        {
            var report = type == "retour";
            Input = new InputModel
            {
                Title = string.IsNullOrWhiteSpace(titre) ? slug : titre.Trim()[..Math.Min(200, titre.Trim().Length)],
                Type = report ? WikiPageType.ExperienceReport : WikiPageType.Page,
                Markdown = report ? WikiStore.ReportTemplate : "",
            };
        }
        else
        {
            if (!WikiAccess.CanEdit(User, page.IsProtected)) return Forbid();
            Input = new InputModel
            {
                Title = page.Title, Markdown = page.Markdown, BaseRevision = page.CurrentRevisionNumber,
                Type = page.Type, Visibility = page.Visibility, IsProtected = page.IsProtected,
                Categories = string.Join(", ", page.Categories),
                StructureIds = page.Structures, ToolIds = page.Tools, TerritoryIds = page.Territories, ThemeIds = page.Themes,
                ObservationIds = page.Observations,
            };
        }
        await PrepareAsync(slug, page is null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken ct)
    {
        if (Normalized(slug) is { } redirect) return redirect;
        var existing = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.IsProtected }).SingleOrDefaultAsync(ct);
        if (existing is not null && !WikiAccess.CanEdit(User, existing.IsProtected)) return Forbid();
        ModelState.Clear();
        Preview = await WikiMarkdown.RenderAsync(db, Input.Markdown, ct);
        await PrepareAsync(slug, existing is null, ct);
        return Page();
    }

    /// <summary>The live preview of wiki.js: the same server rendering, as a fragment.</summary>
    public async Task<IActionResult> OnPostRenderAsync(CancellationToken ct)
    {
        if (Input.Markdown.Length > 100_000) return BadRequest();
        var rendered = await WikiMarkdown.RenderAsync(db, Input.Markdown, ct);
        return Content(WikiMarkdown.PreviewNotice(Input.Markdown) + rendered.Html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// « Chercher » without JavaScript: the same form comes back with everything typed (base revision included, so
    /// the conflict check still compares with the revision first opened) and the observations found as checkboxes.
    /// </summary>
    public async Task<IActionResult> OnPostObservationsAsync(string slug, CancellationToken ct)
    {
        if (Normalized(slug) is { } redirect) return redirect;
        var existing = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.IsProtected }).SingleOrDefaultAsync(ct);
        if (existing is not null && !WikiAccess.CanEdit(User, existing.IsProtected)) return Forbid();
        // Nothing is saved: only the search and the ticked observations are checked, as a save would check them.
        var searchErrors = ModelState.TryGetValue("Input.ObservationQuery", out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        ModelState.Clear();
        foreach (var error in searchErrors) ModelState.AddModelError("Input.ObservationQuery", error);
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        await RefuseUnseenObservationsAsync(access, slug, ct);
        await PrepareAsync(slug, existing is null, ct, access);
        return Page();
    }

    /// <summary>
    /// The search of wiki-observations.js: the same matches as « Chercher », as an HTML fragment of checkboxes.
    /// <paramref name="lie"/> are the observations already ticked, left out of the results.
    /// </summary>
    public async Task<IActionResult> OnGetObservationsAsync(string? q, int[]? lie, CancellationToken ct)
    {
        q = q?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 200 || UserText.Problem(q) is not null) return BadRequest();
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        Input = new InputModel { ObservationQuery = q, ObservationIds = [.. (lie ?? []).Take(200)] };
        FoundObservations = await SearchObservationsAsync(access, q, Input.ObservationIds, ct);
        return Partial("_ObservationResults", this);
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (Normalized(slug) is { } redirect) return redirect;
        // One retry: if another save lands between our read and our write, the second pass merges with it.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SaveAsync(slug, ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IActionResult> SaveAsync(string slug, CancellationToken ct)
    {
        var page = await db.WikiPages
            .Include(p => p.CurrentRevision)
            .Include(p => p.Structures).Include(p => p.Tools).Include(p => p.Territories)
            .Include(p => p.Themes).Include(p => p.Observations)
            .SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is not null && !WikiAccess.CanEdit(User, page.IsProtected)) return Forbid();
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        await RefuseUnseenObservationsAsync(access, slug, ct);
        if (WikiStore.Categories.Problem(Input.Categories) is { } categoriesProblem)
            ModelState.AddModelError("Input.Categories", categoriesProblem);
        if (!ModelState.IsValid)
        {
            await PrepareAsync(slug, page is null, ct, access);
            return Page();
        }

        var markdown = Input.Markdown.Replace("\r\n", "\n");
        var title = Input.Title.Trim();
        var categories = WikiStore.ParseCategories(Input.Categories);
        string message;
        if (page is null)
        {
            page = new WikiPage
            {
                Title = title, Slug = slug, Type = Input.Type, Visibility = Input.Visibility,
                IsProtected = User.IsCoordination() && Input.IsProtected,
            };
            message = "La page a été créée.";
        }
        else if (Input.BaseRevision != page.CurrentRevisionNumber)
        {
            var baseRevision = await db.WikiRevisions.AsNoTracking()
                .Where(r => r.PageId == page.Id && r.Number == Input.BaseRevision)
                .Select(r => new { r.Markdown, r.Title, r.CreatedAt })
                .SingleOrDefaultAsync(ct);
            var theirs = page.CurrentRevision!;
            // No base revision (the page was created meanwhile): both sides wrote everything from nothing.
            var baseMarkdown = baseRevision?.Markdown ?? "";
            var merged = WikiDiff.Merge(baseMarkdown, markdown, theirs.Markdown);
            if (!merged.Succeeded)
            {
                var author = await db.Users.Where(u => u.Id == theirs.AuthorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
                Conflict = new ConflictView(baseRevision is null ? 0 : Input.BaseRevision, theirs.Number, author ?? "une autre personne",
                    theirs.CreatedAt, theirs.Markdown, WikiDiff.Words(baseMarkdown, theirs.Markdown), WikiDiff.Words(baseMarkdown, markdown),
                    merged.Parts);
                // The next save is based on what is now current: the user has seen it and chosen.
                ModelState.Remove("Input.BaseRevision");
                Input.BaseRevision = theirs.Number;
                await PrepareAsync(slug, false, ct, access);
                return Page();
            }
            markdown = merged.Merged!;
            // A field the user did not touch keeps the other person's value.
            if (baseRevision?.Title == title) title = theirs.Title;
            message = $"La page avait été modifiée entre-temps (version {theirs.Number}) : vos modifications ont été fusionnées avec les siennes.";
        }
        else
        {
            message = "La page a été enregistrée.";
        }

        page.Type = Input.Type;
        page.Categories = categories;
        if (User.IsCoordination())
        {
            page.Visibility = Input.Visibility;
            page.IsProtected = Input.IsProtected;
        }
        page.Structures = await db.Structures.Where(s => Input.StructureIds.Contains(s.Id)).ToListAsync(ct);
        page.Tools = await db.DigitalTools.Where(t => Input.ToolIds.Contains(t.Id)).ToListAsync(ct);
        // A retired territory or theme stays only where the page already had it (forms do not offer it otherwise).
        var keptTerritories = page.Territories.Select(t => t.Id).ToList();
        var keptThemes = page.Themes.Select(t => t.Id).ToList();
        page.Territories = await db.Territories.Where(t => Input.TerritoryIds.Contains(t.Id) && (t.RetiredAt == null || keptTerritories.Contains(t.Id)))
            .ToListAsync(ct);
        page.Themes = await db.Themes.Where(t => Input.ThemeIds.Contains(t.Id) && (t.RetiredAt == null || keptThemes.Contains(t.Id))).ToListAsync(ct);
        // The ticked observations (each one visible, checked above), and the links this person cannot see, which
        // the form never showed them and which are not theirs to remove.
        var ticked = Input.ObservationIds.Distinct().ToList();
        var stored = page.Observations.Select(o => o.Id).ToList();
        var seen = await access.Visible(db.Observations.AsNoTracking()).Where(o => stored.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var unseen = stored.Except(seen).ToList();
        page.Observations = await db.Observations.Where(o => ticked.Contains(o.Id) || unseen.Contains(o.Id)).ToListAsync(ct);

        await WikiStore.SaveRevisionAsync(db, page, title, markdown, Input.Comment, User.UserId(),
            DateTime.UtcNow, ct);
        TempData["Message"] = message;
        return Redirect(WikiMarkdown.PageUrl(slug));
    }

    /// <summary>A missing page may only be created under its canonical slug, and never over a feature's route.</summary>
    private IActionResult? Normalized(string slug)
    {
        var canonical = Infrastructure.Slug.From(slug, 140);
        if (WikiAccess.ReservedSlugs.Contains(canonical)) return NotFound();
        return canonical == slug ? null : RedirectPermanent($"/wiki/{canonical}/modifier");
    }

    /// <summary>
    /// A ticked observation must be one this person may see: an id they cannot see (or that does not exist: the two
    /// are not told apart, so an id does not reveal a draft) is refused next to the field, never linked nor dropped
    /// silently. A link already stored is accepted as it is.
    /// </summary>
    private async Task RefuseUnseenObservationsAsync(ObservationAccess access, string slug, CancellationToken ct)
    {
        var ticked = Input.ObservationIds.Distinct().ToList();
        if (ticked.Count == 0) return;
        if (ticked.Count > 200)
        {
            ModelState.AddModelError("Input.ObservationIds", "Une page peut être liée à 200 observations au plus.");
            return;
        }
        var stored = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug).SelectMany(p => p.Observations.Select(o => o.Id)).ToListAsync(ct);
        var visible = await access.Visible(db.Observations.AsNoTracking()).Where(o => ticked.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var refused = ticked.Except(visible).Except(stored).Order().ToList();
        if (refused.Count > 0)
            ModelState.AddModelError("Input.ObservationIds", refused.Count == 1
                ? $"L'observation n° {refused[0]} n'existe pas ou vous n'y avez pas accès : elle ne peut pas être liée. Décochez-la ou choisissez-en une autre."
                : $"Les observations n° {string.Join(", ", refused)} n'existent pas ou vous n'y avez pas accès : elles ne peuvent pas être liées. Décochez-les ou choisissez-en d'autres.");
    }

    /// <summary>
    /// Observations this person may see whose title, description or other indexed text matches the words (the search
    /// of /observations, French stemming, accents ignored), or whose number is typed; the most recent first.
    /// </summary>
    private async Task<ObservationResults> SearchObservationsAsync(ObservationAccess access, string query, IReadOnlyCollection<int> ticked,
        CancellationToken ct)
    {
        var number = int.TryParse(query.TrimStart('n', 'N', '°', 'º', ' ').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var rows = await access.Visible(db.Observations.AsNoTracking())
            .Where(o => !ticked.Contains(o.Id))
            .Where(o => o.Id == number || o.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ObservatoireDbContext.SearchConfig, query)))
            .OrderByDescending(o => o.Id == number).ThenByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id)
            .Take(ObservationSearchLimit + 1)
            .Select(o => new ObservationRow(o.Id, o.Title, o.ObservedOn, o.Structure.Name))
            .ToListAsync(ct);
        return new ObservationResults(query, rows.Take(ObservationSearchLimit).ToList(), rows.Count > ObservationSearchLimit);
    }

    private async Task PrepareAsync(string slug, bool isNew, CancellationToken ct, ObservationAccess? access = null)
    {
        Slug = slug;
        IsNew = isNew;
        CanCoordinate = User.IsCoordination();
        StructureChoices = await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        ToolChoices = await db.DigitalTools.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        // The page's own territories and themes stay offered even when retired.
        var kept = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { Territories = p.Territories.Select(t => (int?)t.Id).ToList(), Themes = p.Themes.Select(t => t.Id).ToList() })
            .SingleOrDefaultAsync(ct);
        TerritoryChoices = await ReferenceChoices.TerritoriesAsync(db, kept?.Territories ?? [], ct);
        ThemeChoices = await ReferenceChoices.OfferedAsync(db.Themes, kept?.Themes ?? [], ct);

        access ??= await ObservationAccess.LoadAsync(db, User, ct);
        var ticked = Input.ObservationIds.Distinct().ToList();
        LinkedObservations = await access.Visible(db.Observations.AsNoTracking()).Where(o => ticked.Contains(o.Id))
            .OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id)
            .Select(o => new ObservationRow(o.Id, o.Title, o.ObservedOn, o.Structure.Name)).ToListAsync(ct);
        var stored = await db.WikiPages.AsNoTracking().Where(p => p.Slug == slug).SelectMany(p => p.Observations.Select(o => o.Id)).ToListAsync(ct);
        HiddenLinkedObservations = stored.Count == 0 ? 0
            : stored.Count - await access.Visible(db.Observations.AsNoTracking()).CountAsync(o => stored.Contains(o.Id), ct);
        var query = Input.ObservationQuery?.Trim();
        // A search refused next to its field is not run (the preview clears the form's messages, so ask UserText again).
        var refused = ModelState.TryGetValue("Input.ObservationQuery", out var entry) && entry.Errors.Count > 0
            || query?.Length > 200 || UserText.Problem(query) is not null;
        FoundObservations = string.IsNullOrEmpty(query) || refused ? null : await SearchObservationsAsync(access, query, ticked, ct);
    }
}
