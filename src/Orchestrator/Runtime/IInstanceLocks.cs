namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// One executor per instance: the runtime holds an instance's lock from loading it until its commit, so a step (and its
/// side effects, an outbound HTTP call say) never runs twice at once. On one node <see cref="InstanceLocks"/> is enough;
/// with several nodes on one database the provider's implementation makes the lock cluster-wide.
/// </summary>
public interface IInstanceLocks
{
    /// <summary>Waits for the instance's lock; disposing the result releases it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// The lock of an instance whose id this caller just made up (a start without a chosen id): nobody else can know
    /// the id before its first commit, so an implementation may skip what only guards against other nodes.
    /// </summary>
    ValueTask<IAsyncDisposable> AcquireNewAsync(string instanceId, CancellationToken cancellationToken) => AcquireAsync(instanceId, cancellationToken);
}
