using Itsm.Orchestrator.Timers;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// A hand-written stand-in for the cluster several nodes share (what PostgreSQL's advisory lock and Hangfire's
/// storage give): one scanning node at a time and one record of armed timers. <see cref="Node"/> is each node's view.
/// </summary>
public sealed class SharedTimerCluster
{
    private readonly HashSet<ArmedTimer> _armed = [];

    /// <summary>The node that scans; null lets the next node that asks take it.</summary>
    public string? Scanning { get; set; }

    public IReadOnlyCollection<ArmedTimer> Armed
    {
        get { lock (_armed) return _armed.ToList(); }
    }

    public ITimerCluster Node(string name) => new View(this, name);

    private sealed class View(SharedTimerCluster shared, string name) : ITimerCluster
    {
        public Task<bool> IsScanningNodeAsync(CancellationToken cancellationToken)
        {
            lock (shared._armed)
            {
                shared.Scanning ??= name;
                return Task.FromResult(shared.Scanning == name);
            }
        }

        public IReadOnlyCollection<ArmedTimer> ReadArmed() => shared.Armed;

        public void RecordArmed(IReadOnlyCollection<ArmedTimer> timers)
        {
            lock (shared._armed) shared._armed.UnionWith(timers);
        }

        public void Forget(IReadOnlyCollection<ArmedTimer> timers)
        {
            lock (shared._armed) shared._armed.ExceptWith(timers);
        }
    }
}
