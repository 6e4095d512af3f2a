namespace Observatoire.Web.Pages.Imports;

/// <summary>Who may import what, and see which import.</summary>
public sealed class ImportAccess(IEnumerable<ImportKind> kinds, IAuthorizationService authorization, ObservatoireDbContext db)
{
    public IReadOnlyList<ImportKind> All { get; } = kinds.ToList();

    public ImportKind? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

    /// <summary>A registered kind, or the paper questionnaires of one survey (<c>enquete-{id}</c>), whose columns are its questions.</summary>
    public async Task<ImportKind?> FindAsync(string slug, CancellationToken ct) =>
        Find(slug) ?? await SurveyAnswersKind.LoadAsync(db, slug, ct);

    /// <summary>The surveys whose paper questionnaires may be imported: every survey but drafts, newest first.</summary>
    public async Task<List<(string Slug, string Title)>> SurveysAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsCoordination()) return [];
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.Status != SurveyStatus.Draft).OrderByDescending(s => s.CreatedAt)
            .Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        return surveys.Select(s => (SurveyAnswersKind.SlugPrefix + s.Id.ToString(CultureInfo.InvariantCulture), s.Title)).ToList();
    }

    /// <summary>The kind's own policy: that of the pages creating such records.</summary>
    public async Task<bool> MayImportAsync(ClaimsPrincipal user, ImportKind kind) =>
        (await authorization.AuthorizeAsync(user, kind.Policy)).Succeeded;

    public async Task<List<ImportKind>> AllowedAsync(ClaimsPrincipal user)
    {
        var allowed = new List<ImportKind>();
        foreach (var kind in All)
            if (await MayImportAsync(user, kind)) allowed.Add(kind);
        return allowed;
    }

    /// <summary>An import is its author's, and the administrators' (who may undo what someone else imported).</summary>
    public static bool MaySee(ClaimsPrincipal user, ImportBatch batch) =>
        batch.UserId == user.UserId() || user.IsInRole(Roles.Administrateur);
}
