namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Serializes first-start seeding (the generated admin, the shipped workflow files) across the nodes of one database,
/// so two nodes starting together on an empty database do not both seed. Each seeding step is idempotent as well:
/// the lock keeps the log and the database quiet, the steps keep it correct. SQLite: one node, nothing to hold
/// (<see cref="SingleNodeSeedingLock"/>); PostgreSQL: a session advisory lock
/// (<see cref="PostgreSql.PostgreSqlSeedingLock"/>).
/// </summary>
public interface IStartupSeedingLock
{
    /// <summary>Waits until this node may seed; disposing the result lets the next node in.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
}
