namespace Observatoire.Web.Infrastructure;

/// <summary>
/// The page's GET (and HEAD) requests may be served by the streaming replica: the page only reads, and a few seconds'
/// staleness is acceptable to whoever did not write (the writer's own next pages wait for the replica to catch up,
/// <see cref="ReplicaReads"/>). A page whose GET writes anything (audit, counters, a cache kept in the database) must
/// not carry it: a hot standby refuses writes. <c>Operations/ReplicaTests</c> opens every page carrying it on a
/// read-only session.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadsFromReplicaAttribute : Attribute;

/// <summary>Which server this request's <see cref="ObservatoireDbContext"/> reads from; decided once per request.</summary>
public sealed class ReadRouting
{
    /// <summary>True when the request's queries go to the replica (see <see cref="ReplicaReads"/>).</summary>
    public bool UsesReplica { get; internal set; }
}
