namespace Observatoire.Web.Pages;

/// <summary>
/// Who may see and change which observation, decided on the server for each record.
/// <list type="bullet">
/// <item>Coordination and Administrateur see and edit every observation, in any status, and validate.</item>
/// <item>Contributeur sees validated observations of every structure, plus all observations of their own structures
/// and those they created; they edit an observation they created or that belongs to one of their structures,
/// only while it is a draft (Brouillon, which is also where Coordination returns it): once submitted it waits for
/// Coordination, once validated it is published and only Coordination corrects it.</item>
/// <item>Partenaire reads validated observations only and edits nothing.</item>
/// </list>
/// Anything not visible answers 404, so an id does not reveal that a draft exists.
/// </summary>
public sealed record ObservationAccess(string UserId, string DisplayName, bool IsCoordination, bool IsContributor, int[] StructureIds)
{
    public static async Task<ObservationAccess> LoadAsync(ObservatoireDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId() ?? "";
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, Structures = u.Structures.Select(s => s.Id).ToArray() })
            .FirstOrDefaultAsync(ct);
                return new ObservationAccess(userId, account?.DisplayName ?? user.Identity?.Name ?? "?", user.IsCoordination(),
            user.IsContributor(), account?.Structures ?? []);
    }

    /// <summary>Observations this person may read.</summary>
    public IQueryable<Observation> Visible(IQueryable<Observation> query)
    {
        if (IsCoordination) return query;
        if (!IsContributor) return query.Where(o => o.Status == ObservationStatus.Validated);
        var structures = StructureIds;
        var userId = UserId;
        return query.Where(o => o.Status == ObservationStatus.Validated
                                || structures.Contains(o.StructureId)
                                || o.CreatedById == userId);
    }

    public bool CanSee(ObservationStatus status, int structureId, string? createdById) =>
        IsCoordination || status == ObservationStatus.Validated
        || (IsContributor && (StructureIds.Contains(structureId) || createdById == UserId));

    public bool CanEdit(ObservationStatus status, int structureId, string? createdById) =>
        IsCoordination
        || (IsContributor && status == ObservationStatus.Draft
            && (createdById == UserId || StructureIds.Contains(structureId)));

    /// <summary>The author (or a colleague of the structure) sends a draft to Coordination.</summary>
    public bool CanSubmit(ObservationStatus status, int structureId, string? createdById) =>
        status == ObservationStatus.Draft && CanEdit(status, structureId, createdById);

    public bool CanReview(ObservationStatus status) => IsCoordination && status == ObservationStatus.Submitted;
}
