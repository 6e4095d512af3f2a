namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// What imports say about a merged duplicate goes to the record kept: its external identifiers (a later file with them
/// updates the kept record) and its lines in past imports (undoing one then checks the kept record).
/// </summary>
public sealed class ImportMergeFollower : IMergeFollower
{
    public async Task FollowAsync(ObservatoireDbContext db, MergedRecords merged, CancellationToken ct)
    {
        if (merged.DuplicateId == merged.KeptId) return;
        var entity = merged.Entity.Name;
        await db.ImportExternalIds.Where(x => x.Entity == entity && x.RecordId == merged.DuplicateId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.RecordId, merged.KeptId), ct);
        await db.ImportedRecords.Where(x => x.Entity == entity && x.RecordId == merged.DuplicateId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.RecordId, merged.KeptId), ct);
    }
}
