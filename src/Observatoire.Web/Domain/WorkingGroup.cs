using System.ComponentModel;
using NpgsqlTypes;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum GroupRole
{
    [Display(Name = "Animateur"), ExternalName("Animateur")] Facilitator,
    [Display(Name = "Membre"), ExternalName("Membre")] Member,
}

public enum MembershipStatus
{
    [Display(Name = "Demande en attente")] Requested,
    [Display(Name = "Membre")] Approved,
}

/// <summary>A working group of the network: field workers, institutions and residents around one purpose.</summary>
public class WorkingGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Made once from the first name and never changed, so links keep working after a rename.</summary>
    public required string Slug { get; set; }
    /// <summary>What the group works on: a short plain text shown on the list and at the top of its page.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>The group's own wiki page (notes, decisions, resources).</summary>
    public int? WikiPageId { get; set; }
    public WikiPage? WikiPage { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<GroupMembership> Memberships { get; set; } = [];
    public List<Event> Events { get; set; } = [];
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}

/// <summary>
/// Someone in a group: a user account (who asked to join through the portal) or an actor of the directory
/// (added by an animateur, with or without an account). Requests wait for an animateur's approval.
/// </summary>
public class GroupMembership
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public WorkingGroup Group { get; set; } = null!;
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public int? ActorId { get; set; }
    public Actor? Actor { get; set; }
    public GroupRole Role { get; set; }
    public MembershipStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
}
