using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Domain;

public static class Roles
{
    public const string Administrateur = nameof(Administrateur);
    public const string Coordination = nameof(Coordination);
    public const string Contributeur = nameof(Contributeur);
    public const string Partenaire = nameof(Partenaire);

    public static readonly string[] All = [Administrateur, Coordination, Contributeur, Partenaire];

    public static string Label(string role) => role switch
    {
        Administrateur => "Administrateur",
        Coordination => "Coordination",
        Contributeur => "Contributeur",
        Partenaire => "Partenaire",
        _ => role,
    };
}

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? ActorId { get; set; }
    public Actor? Actor { get; set; }
    public List<Structure> Structures { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>An outgoing e-mail, and the mail outbox: sent through SMTP by the background sender when configured, and kept for administrators to read.</summary>
public class MailMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The HTML version of <see cref="Body"/>, for the mails that have one (notifications).</summary>
    public string? HtmlBody { get; set; }
    /// <summary>The one-click unsubscribe address (RFC 8058) of a notification mail.</summary>
    public string? UnsubscribeUrl { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>The last failure, kept after a later success for the administrators' page.</summary>
    public string? Error { get; set; }
    /// <summary>SMTP attempts made so far; the outbox retries with exponential back-off and never drops a message.</summary>
    public int Attempts { get; set; }
    /// <summary>When the sender may try this message (again); null once sent.</summary>
    public DateTime? NextAttemptAt { get; set; }
}
