using Observatoire.Web.Pages.Notifications;
using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Watch;

namespace Observatoire.Web.Pages.Groups;

/// <summary>
/// A working group: its purpose, wiki page, members, events and watch items. Members ask to join or leave;
/// the group's animateurs (and Coordination) approve requests and name animateurs.
/// </summary>
public class ShowModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    public record View(int Id, string Name, string Slug, string Purpose, string? WikiSlug, string? WikiTitle);
    public record MemberRow(int Id, string Name, GroupRole Role, MembershipStatus Status, DateTime RequestedAt, bool IsMe);

    public View Group { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<MemberRow> Requests { get; private set; } = [];
    public IReadOnlyList<EventQueries.Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<EventQueries.Row> Past { get; private set; } = [];
    public IReadOnlyList<WatchQueries.Row> Watch { get; private set; } = [];
    public IReadOnlyList<Choice> Actors { get; private set; } = [];
    public int MemberCount { get; private set; }
    public bool SignedIn { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanOrganise { get; private set; }
    public MembershipStatus? MyStatus { get; private set; }
    /// <summary>An approved animateur with an account, who can answer requests in the portal; otherwise Coordination answers.</summary>
    public bool HasAnimateur { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Slug == slug)
            .Select(g => new View(g.Id, g.Name, g.Slug, g.Purpose, g.WikiPage == null ? null : g.WikiPage.Slug,
                g.WikiPage == null ? null : g.WikiPage.Title))
            .SingleOrDefaultAsync(ct);
        if (group is null) return NotFound();
        Group = group;
        var userId = User.UserId();
        SignedIn = User.IsMember();
        CanManage = await GroupAccess.CanManageAsync(db, User, group.Id, ct);
        CanOrganise = CanManage;
        var memberships = await db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == group.Id)
            .OrderBy(m => m.Role).ThenBy(m => m.RequestedAt)
            .Select(m => new
            {
                m.Id, m.Role, m.Status, m.RequestedAt, m.UserId, ActorUserId = m.Actor == null ? null : m.Actor.User!.Id,
                Name = m.Actor != null ? m.Actor.FullName : m.User!.Actor != null ? m.User.Actor.FullName : m.User.DisplayName,
            })
            .ToListAsync(ct);
        var rows = memberships.Select(m => new MemberRow(m.Id, m.Name, m.Role, m.Status, m.RequestedAt,
            userId is not null && (m.UserId == userId || m.ActorUserId == userId))).ToList();
        MemberCount = rows.Count(m => m.Status == MembershipStatus.Approved);
        HasAnimateur = memberships.Any(m => m.Role == GroupRole.Facilitator && m.Status == MembershipStatus.Approved
            && (m.UserId != null || m.ActorUserId != null));
        MyStatus = rows.FirstOrDefault(m => m.IsMe)?.Status;
        // Names of members are for members; requests for those who decide on them.
        Members = SignedIn ? rows.Where(m => m.Status == MembershipStatus.Approved).ToList() : [];
        Requests = CanManage ? rows.Where(m => m.Status == MembershipStatus.Requested).ToList() : [];
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = await EventQueries.ForGroup(db, group.Id, upcoming: true, now, ct);
        Past = await EventQueries.ForGroup(db, group.Id, upcoming: false, now, ct);
        Watch = await WatchQueries.ForGroup(db, group.Id, ct);
        if (CanManage)
        {
            Actors = await db.Actors.AsNoTracking()
                .Where(a => !db.GroupMemberships.Any(m => m.GroupId == group.Id && m.ActorId == a.Id))
                .OrderBy(a => a.FullName).Select(a => new Choice(a.Id, a.FullName)).ToListAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, ct);
        if (group is null) return NotFound();
        var userId = User.UserId()!;
        var already = await db.GroupMemberships.AnyAsync(m => m.GroupId == group.Id
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId)), ct);
        if (!already)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = group.Id, UserId = userId, Role = GroupRole.Member, Status = MembershipStatus.Requested, RequestedAt = now,
            });
            var name = User.FindFirstValue(ObservatoireClaims.DisplayName) ?? "Un membre";
            var animateurs = await Animateurs(group.Id, ct);
            // Coordination may approve in any group: a group without animateur would otherwise leave the request unread.
            var recipients = animateurs.Count > 0 ? animateurs : await CoordinationAccounts(ct);
            var why = animateurs.Count > 0 ? "" : "\nLe groupe n'a pas d'animateur : la demande est adressée à la coordination.";
            // The notices commit with the request, and a double click's second request takes its notices with it.
            await Notify.AddAsync(db, recipients, NotificationKind.GroupRequest, $"Demande pour rejoindre « {group.Name} »",
                $"{name} demande à rejoindre le groupe « {group.Name} ».{why}", $"/groupes/{slug}#demandes", now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A double click: the first request is there, which is what was asked.
                return Redirect($"/groupes/{slug}");
            }
            TempData["Message"] = animateurs.Count > 0
                ? "Votre demande est envoyée aux animateurs du groupe."
                : "Votre demande sera examinée par la coordination : le groupe n'a pas encore d'animateur.";
        }
        else TempData["Message"] = "Vous avez déjà demandé à rejoindre ce groupe, ou vous en faites partie.";
        return Redirect($"/groupes/{slug}");
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        var userId = User.UserId()!;
        var removed = await db.GroupMemberships.Where(m => m.Group.Slug == slug
            && (m.UserId == userId || (m.ActorId != null && m.Actor!.User!.Id == userId))).ExecuteDeleteAsync(ct);
        TempData["Message"] = removed > 0 ? "Vous ne faites plus partie du groupe." : "Vous ne faisiez pas partie du groupe.";
        return Redirect($"/groupes/{slug}");
    }

    public async Task<IActionResult> OnPostApproveAsync(string slug, int membershipId, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        var m = await Managed(slug, membershipId, ct);
        if (m is null) return NotFound();
        if (!await GroupAccess.CanManageAsync(db, User, m.GroupId, ct)) return Forbid();
        if (m.Status == MembershipStatus.Requested)
        {
            m.Status = MembershipStatus.Approved;
            m.ApprovedAt = clock.GetUtcNow().UtcDateTime;
            // The notice commits with the approval.
            if (m.UserId is { } member)
                await Notify.AddAsync(db, [member], NotificationKind.GroupJoined, $"Bienvenue dans « {m.Group.Name} »",
                    $"Votre demande est acceptée : vous faites partie du groupe « {m.Group.Name} ».", $"/groupes/{slug}", m.ApprovedAt.Value, ct);
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = "La demande est acceptée.";
        return Redirect($"/groupes/{slug}#demandes");
    }

    public async Task<IActionResult> OnPostRefuseAsync(string slug, int membershipId, CancellationToken ct) =>
        this.MemberRequired() ?? await Remove(slug, membershipId, "La demande est refusée.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int membershipId, CancellationToken ct) =>
        this.MemberRequired() ?? await Remove(slug, membershipId, "La personne ne fait plus partie du groupe.", ct);

    public async Task<IActionResult> OnPostRoleAsync(string slug, int membershipId, GroupRole role, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        var m = await Managed(slug, membershipId, ct);
        if (m is null) return NotFound();
        if (!await GroupAccess.CanManageAsync(db, User, m.GroupId, ct)) return Forbid();
        if (m.Status != MembershipStatus.Approved) return BadRequest();
        m.Role = role;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = role == GroupRole.Facilitator ? "La personne anime désormais le groupe." : "La personne est désormais membre du groupe.";
        return Redirect($"/groupes/{slug}#membres");
    }

    /// <summary>Adds a person of the directory, who may have no account: the animateur vouches for them.</summary>
    public async Task<IActionResult> OnPostAddActorAsync(string slug, int actorId, CancellationToken ct)
    {
        if (this.MemberRequired() is { } denied) return denied;
        var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, ct);
        if (group is null) return NotFound();
        if (!await GroupAccess.CanManageAsync(db, User, group.Id, ct)) return Forbid();
        var actor = await db.Actors.AsNoTracking().Where(a => a.Id == actorId).Select(a => new { a.Id, UserId = a.User == null ? null : a.User.Id })
            .SingleOrDefaultAsync(ct);
        if (actor is null) return BadRequest();
        var already = await db.GroupMemberships.AnyAsync(m => m.GroupId == group.Id
            && (m.ActorId == actor.Id || (actor.UserId != null && m.UserId == actor.UserId)), ct);
        if (!already)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = group.Id, ActorId = actor.Id, Role = GroupRole.Member, Status = MembershipStatus.Approved,
                RequestedAt = now, ApprovedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = already ? "Cette personne fait déjà partie du groupe." : "La personne est ajoutée au groupe.";
        return Redirect($"/groupes/{slug}#membres");
    }

    private async Task<IActionResult> Remove(string slug, int membershipId, string message, CancellationToken ct)
    {
        var m = await Managed(slug, membershipId, ct);
        if (m is null) return NotFound();
        if (!await GroupAccess.CanManageAsync(db, User, m.GroupId, ct)) return Forbid();
        db.GroupMemberships.Remove(m);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = message;
        return Redirect($"/groupes/{slug}#membres");
    }

    private Task<GroupMembership?> Managed(string slug, int membershipId, CancellationToken ct) =>
        db.GroupMemberships.Include(m => m.Group).Include(m => m.User)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.Group.Slug == slug, ct);

    /// <summary>Accounts of the Coordination role, or the administrators when nobody holds it.</summary>
    private async Task<List<string>> CoordinationAccounts(CancellationToken ct)
    {
        foreach (var role in new[] { Roles.Coordination, Roles.Administrateur })
        {
            var ids = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
                .Select(ur => ur.UserId).Distinct().ToListAsync(ct);
            if (ids.Count > 0) return ids;
        }
        return [];
    }

    /// <summary>The group's approved animateurs who have an account (directly, or through their directory entry).</summary>
    private Task<List<string>> Animateurs(int groupId, CancellationToken ct) =>
        db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Role == GroupRole.Facilitator && m.Status == MembershipStatus.Approved)
            .Select(m => m.UserId ?? (m.Actor!.User != null ? m.Actor.User.Id : null))
            .Where(id => id != null).Select(id => id!).Distinct().ToListAsync(ct);
}
