namespace Observatoire.Web.Pages.Imports;

/// <summary>Who may import what, and see which import.</summary>
public sealed class ImportAccess(IEnumerable<ImportKind> kinds, IAuthorizationService authorization)
{
    public IReadOnlyList<ImportKind> All { get; } = kinds.ToList();

    public ImportKind? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

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
