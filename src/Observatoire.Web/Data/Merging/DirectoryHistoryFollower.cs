namespace Observatoire.Web.Data;

/// <summary>
/// The duplicate's field history (kept by record id, not by foreign key) becomes part of the kept record's history,
/// so everything said about either record stays readable from the one that remains.
/// </summary>
public sealed class DirectoryHistoryFollower : IMergeFollower
{
    private static readonly Dictionary<Type, DirectoryRecordKind> Kinds = new()
    {
        [typeof(Structure)] = DirectoryRecordKind.Structure,
        [typeof(DigitalTool)] = DirectoryRecordKind.Tool,
        [typeof(Territory)] = DirectoryRecordKind.Territory,
        [typeof(Actor)] = DirectoryRecordKind.Actor,
    };

    public async Task FollowAsync(ObservatoireDbContext db, MergedRecords merged, CancellationToken ct)
    {
        if (!Kinds.TryGetValue(merged.Entity, out var kind)) return;
        await db.DirectoryChanges.Where(c => c.RecordKind == kind && c.RecordId == merged.DuplicateId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RecordId, merged.KeptId), ct);
    }
}
