namespace Observatoire.Web.Infrastructure;

/// <summary>
/// What the signed-in user's roles allow, read from the claims: the checks a handler or a view makes beside the
/// <see cref="Policies"/> on the page (same role sets, so a page and its policy never disagree).
/// </summary>
public static class UserRoles
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Any account with a role (<see cref="Policies.Member"/>).</summary>
    public static bool IsMember(this ClaimsPrincipal user) => Roles.All.Any(user.IsInRole);

    /// <summary>Administrateur or Coordination (<see cref="Policies.Coordination"/>).</summary>
    public static bool IsCoordination(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Coordination);

    /// <summary>May log observations and edit the wiki (<see cref="Policies.Contributor"/>).</summary>
    public static bool IsContributor(this ClaimsPrincipal user) => user.IsCoordination() || user.IsInRole(Roles.Contributeur);

    /// <summary>Reads the full dashboard and downloads syntheses (<see cref="Policies.Reader"/>).</summary>
    public static bool IsReader(this ClaimsPrincipal user) => user.IsCoordination() || user.IsInRole(Roles.Partenaire);

    /// <summary>
    /// For POST handlers of pages open to visitors (Razor Pages ignore [Authorize] on handlers): null when the
    /// user is a member, else the sign-in redirect or a 403.
    /// </summary>
    public static IActionResult? MemberRequired(this PageModel page) =>
        page.User.IsMember() ? null : page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
}
