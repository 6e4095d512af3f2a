using NpgsqlTypes;

namespace Observatoire.Web.Domain;

public enum RegistrationStatus
{
    [Display(Name = "Inscrit")] Confirmed,
    [Display(Name = "Liste d'attente")] Waitlisted,
    [Display(Name = "Annulée")] Cancelled,
}

/// <summary>
/// A meeting, workshop or gathering. Times are stored as UTC instants; people enter and read them as
/// Europe/Paris wall time (see <c>ParisTime</c>), so an event keeps its hour across daylight-saving changes.
/// </summary>
public class Event
{
    public int Id { get; set; }
    public int? GroupId { get; set; }
    public WorkingGroup? Group { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    /// <summary>Markdown source; the sanitised HTML and plain text are derived and stored beside it.</summary>
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    public string DescriptionText { get; set; } = "";
    /// <summary>Seats; null when the event takes everyone who registers.</summary>
    public int? Capacity { get; set; }
    /// <summary>When set, people without an account register with a name and an e-mail; otherwise members only.</summary>
    public bool OpenToPublic { get; set; }
    public bool IsCancelled { get; set; }
    /// <summary>The minutes, a wiki page written after the event.</summary>
    public int? MinutesPageId { get; set; }
    public WikiPage? MinutesPage { get; set; }
    // What the event is about, so it shows on the directory pages.
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public int? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public List<DigitalTool> Tools { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];
    public string? CreatedById { get; set; }
    public AppUser? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>iCalendar SEQUENCE: bumped on each change so calendar apps replace their copy.</summary>
    public int Sequence { get; set; }
    public List<EventRegistration> Registrations { get; set; } = [];
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}

/// <summary>
/// A seat asked for: by a member (user) or, for a public event, by a name and an e-mail. The id gives the
/// order of arrival, which is the order of the waiting list.
/// </summary>
public class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Secret of the cancellation link mailed to a public registrant (members cancel while signed in).</summary>
    public string? CancelToken { get; set; }
}
