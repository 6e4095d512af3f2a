using NpgsqlTypes;

namespace Observatoire.Web.Domain;

public enum WikiPageType
{
    [Display(Name = "Page")] Page,
    [Display(Name = "Retour d'expérience")] ExperienceReport,
}

public enum WikiVisibility
{
    [Display(Name = "Publique")] Public,
    [Display(Name = "Réservée aux membres")] Members,
}

/// <summary>
/// A wiki page. Its content lives in immutable revisions; the page points at the current one and keeps a
/// copy of its plain text so that the stored search vector can be computed from the row itself.
/// </summary>
public class WikiPage
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Made once from the first title and never changed, so links keep working after a rename.</summary>
    public required string Slug { get; set; }
    public WikiPageType Type { get; set; }
    public WikiVisibility Visibility { get; set; }
    /// <summary>Only Coordination edits a protected page.</summary>
    public bool IsProtected { get; set; }
    public List<string> Categories { get; set; } = [];
    public int? CurrentRevisionId { get; set; }
    public WikiRevision? CurrentRevision { get; set; }
    /// <summary>Number of the current revision: an edit form started from an older one must be merged.</summary>
    public int CurrentRevisionNumber { get; set; }
    public string PlainText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<WikiRevision> Revisions { get; set; } = [];
    public List<WikiAttachment> Attachments { get; set; } = [];
    public List<WikiLink> Links { get; set; } = [];

    // Structured links of an experience report: shown on both sides.
    public List<Structure> Structures { get; set; } = [];
    public List<DigitalTool> Tools { get; set; } = [];
    public List<Territory> Territories { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];
    public List<Observation> Observations { get; set; } = [];

    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}

/// <summary>One saved state of a page. Never updated: restoring an old revision appends a new one.</summary>
public class WikiRevision
{
    public int Id { get; set; }
    public int PageId { get; set; }
    public WikiPage Page { get; set; } = null!;
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Comment { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }
    public required string PlainText { get; set; }
}

/// <summary>A file uploaded to a page, stored in PostgreSQL so that every portal instance serves it.</summary>
public class WikiAttachment
{
    public int Id { get; set; }
    public int PageId { get; set; }
    public WikiPage Page { get; set; } = null!;
    /// <summary>Safe file name, unique within the page: it is the last segment of the attachment's URL.</summary>
    public required string FileName { get; set; }
    /// <summary>Detected from the file's content, not taken from the browser.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public string? UploadedById { get; set; }
    public AppUser? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A user follows a page: the watch list shows what changed since their last visit.</summary>
public class WikiWatch
{
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public int PageId { get; set; }
    public WikiPage Page { get; set; } = null!;
    public DateTime LastSeenAt { get; set; }
}

/// <summary>A wiki link found in a page's current revision, kept for backlinks ("pages qui mènent ici").</summary>
public class WikiLink
{
    public int FromPageId { get; set; }
    public WikiPage FromPage { get; set; } = null!;
    /// <summary>Slug of the target, which may not exist yet.</summary>
    public required string TargetSlug { get; set; }
}
