using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Runtime.PostgreSql;

/// <summary>The cluster-wide instance locks on PostgreSQL (<c>Itsm:InstanceLocks</c>).</summary>
public sealed class InstanceLockOptions
{
    public const string SectionName = "Itsm:InstanceLocks";

    /// <summary>
    /// Most existing instances this node runs at once (each holds a connection of the lock pool for its run; starts
    /// of new instances need none). More callers wait for a connection, up to the connection string's <c>Timeout</c>
    /// (15 s by default), then fail. Count these in the server's <c>max_connections</c>, per node, beside the store's pool.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConnections { get; set; } = 50;
}
