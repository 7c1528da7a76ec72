namespace Itsm.Orchestrator.Runtime;

/// <summary>One process owns a SQLite database, and its hosted services start one after another: nothing to hold.</summary>
public sealed class SingleNodeSeedingLock : IStartupSeedingLock, IAsyncDisposable
{
    private static readonly Task<IAsyncDisposable> Held = Task.FromResult<IAsyncDisposable>(new SingleNodeSeedingLock());

    public Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken) => Held;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
