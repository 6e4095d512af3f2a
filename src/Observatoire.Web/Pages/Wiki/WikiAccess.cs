using System.Security.Claims;
using Observatoire.Web.Domain;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>Who may read and edit which wiki page: checked by every handler, per page.</summary>
public static class WikiAccess
{
    public static bool IsMember(ClaimsPrincipal user) => Roles.All.Any(user.IsInRole);

    public static bool IsCoordination(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Coordination);

    public static bool IsContributor(ClaimsPrincipal user) => IsCoordination(user) || user.IsInRole(Roles.Contributeur);

    public static bool CanRead(ClaimsPrincipal user, WikiVisibility visibility) =>
        visibility == WikiVisibility.Public || IsMember(user);

    /// <summary>Contributors edit unprotected pages; only Coordination edits protected ones.</summary>
    public static bool CanEdit(ClaimsPrincipal user, bool isProtected) =>
        isProtected ? IsCoordination(user) : IsContributor(user);

    public static IQueryable<WikiPage> Readable(this IQueryable<WikiPage> pages, ClaimsPrincipal user) =>
        IsMember(user) ? pages : pages.Where(p => p.Visibility == WikiVisibility.Public);

    /// <summary>Segments under /wiki/ that are features, not pages.</summary>
    public static readonly HashSet<string> ReservedSlugs = ["nouvelle", "suivi", "modifications-recentes", "modifications-recentes-atom"];
}
