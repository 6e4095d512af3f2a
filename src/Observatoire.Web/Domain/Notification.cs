namespace Observatoire.Web.Domain;

/// <summary>What a notification is about; each person chooses per kind how it reaches them by mail.</summary>
public enum NotificationKind
{
    /// <summary>My observation was validated or returned by Coordination, with the reviewer's comment.</summary>
    [Display(Name = "Mes observations validées ou renvoyées")] ObservationReviewed,
    /// <summary>A wiki page I watch has a new revision.</summary>
    [Display(Name = "Les pages du wiki que je suis")] WikiPageChanged,
    /// <summary>Coordination: an observation was submitted and waits for validation.</summary>
    [Display(Name = "Les observations à valider")] ObservationsToValidate,
    /// <summary>Coordination: a tool was proposed and waits to be checked.</summary>
    [Display(Name = "Les outils proposés à vérifier")] ToolProposals,
    /// <summary>The watch items published last week, in one notice on Monday morning.</summary>
    [Display(Name = "La veille de la semaine")] WatchWeek,
    /// <summary>A comment on a watch item I posted or commented on.</summary>
    [Display(Name = "Les commentaires sur les liens de veille que je suis")] WatchComment,
    /// <summary>Coordination: a survey closes in three days, or reached the number of responses its results need.</summary>
    [Display(Name = "Les enquêtes que je gère")] SurveyManaged,
    /// <summary>The data behind a synthesis I generated or downloaded changed since (« données modifiées depuis »).</summary>
    [Display(Name = "Les synthèses que j'ai produites ou téléchargées")] SynthesisDataChanged,
    /// <summary>Someone asks to join a group I animate (Coordination, for a group without animateur).</summary>
    [Display(Name = "Les demandes pour rejoindre mes groupes")] GroupRequest,
    /// <summary>My request to join a group was accepted.</summary>
    [Display(Name = "Mes demandes pour rejoindre un groupe")] GroupJoined,
    /// <summary>An event I registered for (and have a seat at) starts within a day.</summary>
    [Display(Name = "Les rappels des événements où je suis inscrit")] EventReminder,
}

/// <summary>How a person's notifications of one kind reach them by mail; every notification is in the portal's centre anyway.</summary>
public enum NotificationDelivery
{
    [Display(Name = "Immédiatement")] Immediate,
    [Display(Name = "Résumé quotidien")] Daily,
    [Display(Name = "Résumé hebdomadaire")] Weekly,
    [Display(Name = "Jamais")] Never,
}

/// <summary>
/// One notice for one person, written in the same transaction as what caused it: the portal's centre lists it, and it is
/// the outbox of its mail — mailed alone (<see cref="NotificationDelivery.Immediate"/>) or in a digest, then stamped
/// <see cref="MailedAt"/>. It holds no survey answer, nothing identifying a respondent.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public NotificationKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text, a few lines (the reviewer's comment, the revision's summary).</summary>
    public string? Text { get; set; }
    /// <summary>The portal path the notice leads to (<c>/observations/12</c>); mails make it absolute.</summary>
    public required string Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>The person's choice for this kind when the notice was written.</summary>
    public NotificationDelivery Delivery { get; set; }
    /// <summary>When its mail (alone or in a digest) was put in the mail outbox; null while it waits, and for « jamais ».</summary>
    public DateTime? MailedAt { get; set; }
}

/// <summary>A person's choice for one kind; without a row, the default of their role (<c>NotificationDefaults</c>).</summary>
public class NotificationPreference
{
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public NotificationKind Kind { get; set; }
    public NotificationDelivery Delivery { get; set; }
}

/// <summary>
/// One digest mailed to one person for one period (daily: the Paris day it was built; weekly: the Monday of its week).
/// Its unique key is what makes a digest built once per person and period, whatever the number of portal instances.
/// </summary>
public class NotificationDigest
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public NotificationDelivery Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Items { get; set; }
}

/// <summary>
/// A notice that no request causes but a date, a count or a change of data found by the worker (a survey closing soon,
/// the week's watch): its key (<c>survey-closing:12:…</c>) is written once, in the transaction of its notices, so the
/// notice is written once whatever the number of rounds and portal instances.
/// </summary>
public class NotificationTrigger
{
    public required string Key { get; set; }
    public DateTime CreatedAt { get; set; }
}
