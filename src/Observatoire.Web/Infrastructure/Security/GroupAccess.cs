namespace Observatoire.Web.Infrastructure;

/// <summary>Who may run a group and its events: Coordination everywhere, an approved animateur in their own group.</summary>
public static class GroupAccess
{

    /// <summary>The user animates the group: directly, or through the directory actor linked to their account.</summary>
    public static Task<bool> IsAnimateurAsync(ObservatoireDbContext db, ClaimsPrincipal user, int groupId, CancellationToken ct)
    {
        var userId = user.UserId();
        if (userId is null || !user.IsMember()) return Task.FromResult(false);
        return db.GroupMemberships.AnyAsync(m => m.GroupId == groupId && m.Role == GroupRole.Facilitator
            && m.Status == MembershipStatus.Approved
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId)), ct);
    }

    public static async Task<bool> CanManageAsync(ObservatoireDbContext db, ClaimsPrincipal user, int groupId, CancellationToken ct) =>
        user.IsCoordination() || await IsAnimateurAsync(db, user, groupId, ct);

    /// <summary>Events of a group are organised by its animateurs; events without a group by Coordination.</summary>
    public static async Task<bool> CanOrganiseAsync(ObservatoireDbContext db, ClaimsPrincipal user, int? groupId, CancellationToken ct) =>
        user.IsCoordination() || (groupId is int id && await IsAnimateurAsync(db, user, id, ct));

    /// <summary>Groups in which the user may organise an event (all of them for Coordination).</summary>
    public static IQueryable<WorkingGroup> Organisable(ObservatoireDbContext db, ClaimsPrincipal user)
    {
        if (user.IsCoordination()) return db.WorkingGroups;
        var userId = user.UserId() ?? "";
        return db.WorkingGroups.Where(g => g.Memberships.Any(m => m.Role == GroupRole.Facilitator && m.Status == MembershipStatus.Approved
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId))));
    }
}
