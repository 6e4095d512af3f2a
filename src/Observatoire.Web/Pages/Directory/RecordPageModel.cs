using System.Linq.Expressions;
using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Watch;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Directory;

/// <summary>
/// What the public page of a tool, a structure and a territory share: who reads it, the record's description, what the
/// rest of the portal links to it, its validated observations over time and, for members, the observations they may see.
/// </summary>
public abstract class RecordPageModel(ObservatoireDbContext db) : PageModel
{
    protected ObservatoireDbContext Db { get; } = db;

    public bool IsMember { get; private set; }
    public bool IsCoordination { get; private set; }
    public string? DescriptionHtml { get; private set; }
    public DirectoryPages.Mentions Mentions { get; private set; } = null!;
    public int ValidatedCount { get; private set; }
    public List<DirectoryPages.Month> Months { get; private set; } = [];
    public int VisibleCount { get; private set; }
    public List<DirectoryPages.Latest> Recent { get; private set; } = [];
    /// <summary>The other records Coordination may merge this one into.</summary>
    public List<Choice> MergeTargets { get; protected set; } = [];

    /// <summary>Who reads, the description as HTML, and the reports, events and watch items that name the record.</summary>
    protected async Task LoadRecordAsync(DirectoryRecordKind kind, int id, string? description, CancellationToken ct)
    {
        IsMember = User.IsMember();
        IsCoordination = User.IsCoordination();
        DescriptionHtml = description is null ? null : Markdown.Render(description).Html;
        Mentions = kind switch
        {
            DirectoryRecordKind.Tool => new(await WikiLinks.ReportsForTool(Db, User, id, ct), await EventQueries.ForTool(Db, id, ct),
                await WatchQueries.ForTool(Db, id, ct)),
            DirectoryRecordKind.Structure => new(await WikiLinks.ReportsForStructure(Db, User, id, ct),
                await EventQueries.ForStructure(Db, id, ct), await WatchQueries.ForStructure(Db, id, ct)),
            DirectoryRecordKind.Territory => new(await WikiLinks.ReportsForTerritory(Db, User, id, ct),
                await EventQueries.ForTerritory(Db, id, ct), await WatchQueries.ForTerritory(Db, id, ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A person's page has no mentions."),
        };
    }

    /// <summary>
    /// Counts and months of the validated observations <paramref name="about"/> the record; for members, also how many
    /// of its observations they may see and the latest of them. Returns the member's access (null for others).
    /// </summary>
    protected async Task<ObservationAccess?> LoadObservationsAsync(Expression<Func<Observation, bool>> about, CancellationToken ct,
        bool listForMembers = true)
    {
        var validated = Validated(about);
        ValidatedCount = await validated.CountAsync(ct);
        Months = await DirectoryPages.MonthlyAsync(validated, ct);
        if (!IsMember || !listForMembers) return null;
        var access = await ObservationAccess.LoadAsync(Db, User, ct);
        (VisibleCount, Recent) = await DirectoryPages.VisibleAsync(access.Visible(Db.Observations.AsNoTracking()).Where(about), ct);
        return access;
    }

    /// <summary>Validated observations about the record, for the page's own groupings (tools cited, structures).</summary>
    protected IQueryable<Observation> Validated(Expression<Func<Observation, bool>> about) =>
        Db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Validated).Where(about);
}
