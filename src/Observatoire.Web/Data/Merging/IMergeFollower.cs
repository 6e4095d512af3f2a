namespace Observatoire.Web.Data;

/// <summary>The duplicate and the record kept by a merge, with their slugs when the entity has one.</summary>
public sealed record MergedRecords(Type Entity, int DuplicateId, string? DuplicateSlug, int KeptId, string? KeptSlug);

/// <summary>
/// Something that refers to records outside foreign keys (a slug stored in a synthesis' parameters, a history kept by
/// id) and follows a merge within its transaction. Registered in DI; <see cref="RecordMerger"/> calls every one.
/// A change of slug comes as a merge of a record into itself (<see cref="RecordMerger.FollowSlugChangeAsync"/>: same id,
/// two slugs): a follower must then only follow the slug.
/// </summary>
public interface IMergeFollower
{
    Task FollowAsync(ObservatoireDbContext db, MergedRecords merged, CancellationToken ct);
}
