namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the InstanceAttempts table: how many unattended runs of an instance (timer, follow-up work) started
/// without reaching their commit. Written before such a run, deleted by the commit that ends it; a row that keeps
/// growing means the run kills the host, and the instance is quarantined.
/// </summary>
internal sealed class InstanceAttemptEntity
{
    public required string InstanceId { get; set; }
    public int Count { get; set; }
    public long LastAttemptAt { get; set; }
}
