using NpgsqlTypes;

namespace Observatoire.Web.Domain;

public enum WatchStatus
{
    /// <summary>Read from a feed: waits for Coordination before members see it.</summary>
    [Display(Name = "À examiner")] ToReview,
    [Display(Name = "Publié")] Published,
    /// <summary>A feed item Coordination set aside: kept so the next reading of the feed does not bring it back.</summary>
    [Display(Name = "Écarté")] Discarded,
}

/// <summary>A practice or tool spotted elsewhere (participatory watch, "veille"): a link with a short note.</summary>
public class WatchItem
{
    public int Id { get; set; }
    public required string Url { get; set; }
    public required string Title { get; set; }
    public string Note { get; set; } = "";
    public WatchStatus Status { get; set; }
    public List<Theme> Themes { get; set; } = [];
    public List<DigitalTool> Tools { get; set; } = [];
    public int? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    /// <summary>The group that follows this item, if any.</summary>
    public int? GroupId { get; set; }
    public WorkingGroup? Group { get; set; }
    public string? PostedById { get; set; }
    public AppUser? PostedBy { get; set; }
    /// <summary>Set for an item read from a feed, with the feed entry's id: (source, guid) is unique.</summary>
    public int? SourceId { get; set; }
    public FeedSource? Source { get; set; }
    public string? Guid { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When members could first see it: the weekly digest groups items by this date.</summary>
    public DateTime? PublishedAt { get; set; }
    /// <summary>The wiki page the item was turned into.</summary>
    public int? WikiPageId { get; set; }
    public WikiPage? WikiPage { get; set; }
    public List<Observation> Observations { get; set; } = [];
    public List<WatchComment> Comments { get; set; } = [];
    public List<WatchUseful> Usefuls { get; set; } = [];
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}

public class WatchComment
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public WatchItem Item { get; set; } = null!;
    public string? AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A member found an item useful: one mark per member and item.</summary>
public class WatchUseful
{
    public int ItemId { get; set; }
    public WatchItem Item { get; set; } = null!;
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}

/// <summary>An RSS or Atom feed chosen by Coordination, read periodically into "to review" items.</summary>
public class FeedSource
{
    public int Id { get; set; }
    public required string Url { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? LastFetchedAt { get; set; }
    /// <summary>Validators of the last response, sent back so an unchanged feed costs a 304.</summary>
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    /// <summary>Why the last reading failed, in French; null when it succeeded.</summary>
    public string? LastError { get; set; }
    public int ItemsImported { get; set; }
    public uint Version { get; set; }
}
