using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;

namespace Observatoire.Web.Pages.Groupes;

/// <summary>Who may run a group and its events: Coordination everywhere, an approved animateur in their own group.</summary>
public static class GroupAccess
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsMember(ClaimsPrincipal user) => Roles.All.Any(user.IsInRole);

    public static bool IsCoordination(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Coordination);

    public static bool IsContributor(ClaimsPrincipal user) => IsCoordination(user) || user.IsInRole(Roles.Contributeur);

    /// <summary>
    /// For POST handlers of pages open to visitors (Razor Pages ignore [Authorize] on handlers): null when the
    /// user is a member, else the sign-in redirect or a 403.
    /// </summary>
    public static IActionResult? MemberRequired(this PageModel page) =>
        IsMember(page.User) ? null : page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();

    /// <summary>The user animates the group: directly, or through the directory actor linked to their account.</summary>
    public static Task<bool> IsAnimateurAsync(ObservatoireDbContext db, ClaimsPrincipal user, int groupId, CancellationToken ct)
    {
        var userId = UserId(user);
        if (userId is null || !IsMember(user)) return Task.FromResult(false);
        return db.GroupMemberships.AnyAsync(m => m.GroupId == groupId && m.Role == GroupRole.Animateur
            && m.Status == MembershipStatus.Approved
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId)), ct);
    }

    public static async Task<bool> CanManageAsync(ObservatoireDbContext db, ClaimsPrincipal user, int groupId, CancellationToken ct) =>
        IsCoordination(user) || await IsAnimateurAsync(db, user, groupId, ct);

    /// <summary>Events of a group are organised by its animateurs; events without a group by Coordination.</summary>
    public static async Task<bool> CanOrganiseAsync(ObservatoireDbContext db, ClaimsPrincipal user, int? groupId, CancellationToken ct) =>
        IsCoordination(user) || (groupId is int id && await IsAnimateurAsync(db, user, id, ct));

    /// <summary>Groups in which the user may organise an event (all of them for Coordination).</summary>
    public static IQueryable<WorkingGroup> Organisable(ObservatoireDbContext db, ClaimsPrincipal user)
    {
        if (IsCoordination(user)) return db.WorkingGroups;
        var userId = UserId(user) ?? "";
        return db.WorkingGroups.Where(g => g.Memberships.Any(m => m.Role == GroupRole.Animateur && m.Status == MembershipStatus.Approved
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId))));
    }
}
