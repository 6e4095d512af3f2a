namespace Observatoire.Web.Domain;

/// <summary>
/// One line of the audit log: who did what, to what, and when. Kept when the account is deleted (the name is a
/// snapshot, the user id is not a foreign key). No IP address: the log must not become a record of where people are.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>One of <see cref="Infrastructure.AuditActions"/> (or a module's own constant).</summary>
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Details { get; set; }
}
