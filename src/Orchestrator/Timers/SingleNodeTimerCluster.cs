namespace Itsm.Orchestrator.Timers;

/// <summary>
/// One node owns the database (SQLite): it always scans, and what it armed is in its own memory
/// (<see cref="TimerHorizon"/>), which Hangfire's in-memory storage loses together with the jobs on a restart.
/// </summary>
public sealed class SingleNodeTimerCluster : ITimerCluster
{
    private static readonly Task<bool> Always = Task.FromResult(true);

    public Task<bool> IsScanningNodeAsync(CancellationToken cancellationToken) => Always;

    public IReadOnlyCollection<ArmedTimer> ReadArmed() => [];

    public void RecordArmed(IReadOnlyCollection<ArmedTimer> timers)
    {
    }

    public void Forget(IReadOnlyCollection<ArmedTimer> timers)
    {
    }
}
