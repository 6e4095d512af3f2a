namespace Observatoire.Web.Pages.Wiki;

/// <summary>Who may read and edit which wiki page: checked by every handler, per page.</summary>
public static class WikiAccess
{

    public static bool CanRead(ClaimsPrincipal user, WikiVisibility visibility) =>
        visibility == WikiVisibility.Public || user.IsMember();

    /// <summary>Contributors edit unprotected pages; only Coordination edits protected ones.</summary>
    public static bool CanEdit(ClaimsPrincipal user, bool isProtected) =>
        isProtected ? user.IsCoordination() : user.IsContributor();

    public static IQueryable<WikiPage> Readable(this IQueryable<WikiPage> pages, ClaimsPrincipal user) =>
        user.IsMember() ? pages : pages.Where(p => p.Visibility == WikiVisibility.Public);

    /// <summary>Segments under /wiki/ that are features, not pages.</summary>
    public static readonly HashSet<string> ReservedSlugs = ["nouvelle", "suivi", "modifications-recentes", "modifications-recentes-atom"];
}
