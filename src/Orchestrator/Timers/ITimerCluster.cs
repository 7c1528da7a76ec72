namespace Itsm.Orchestrator.Timers;

/// <summary>
/// What the timer horizon shares with the other nodes on one database. One node at a time scans the horizon (the
/// others would arm the same due timers again), and every node records the timers it arms, so the scanning node
/// does not arm a timer another node's commit already armed. On SQLite there is one node:
/// <see cref="SingleNodeTimerCluster"/>. On PostgreSQL: <see cref="PostgreSql.PostgreSqlTimerCluster"/>.
/// </summary>
public interface ITimerCluster
{
    /// <summary>
    /// True when this node is to scan the horizon now. A node that stops or dies hands the scan over: another node
    /// finds it free at its next scan interval.
    /// </summary>
    Task<bool> IsScanningNodeAsync(CancellationToken cancellationToken);

    /// <summary>The timers any node recorded as armed (none when this node's own memory is the whole truth).</summary>
    IReadOnlyCollection<ArmedTimer> ReadArmed();

    /// <summary>Records timers this node just armed.</summary>
    void RecordArmed(IReadOnlyCollection<ArmedTimer> timers);

    /// <summary>Forgets records the scanning node found resumed, cancelled or superseded.</summary>
    void Forget(IReadOnlyCollection<ArmedTimer> timers);
}
