namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Reads on a PostgreSQL streaming replica (<c>ConnectionStrings:ObservatoireReplica</c>): without that connection
/// string, none of this is used and every query goes to the primary as before. Section <c>Observatoire:Replica</c>.
/// </summary>
public class ReplicaOptions
{
    public const string Section = "Observatoire:Replica";
    public const string ConnectionStringName = "ObservatoireReplica";

    /// <summary>
    /// The replica serves reads only while it has replayed what the primary wrote at most this long ago; further behind
    /// (a long query holding replay back, a slow network), every read goes to the primary until it catches up.
    /// </summary>
    public double MaxLagSeconds { get; set; } = 5;

    /// <summary>How often the monitor asks both servers where they stand: one tiny query to each.</summary>
    public int PollMilliseconds { get; set; } = 200;
}
