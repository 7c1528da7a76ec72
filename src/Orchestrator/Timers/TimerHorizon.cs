using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Timers;

/// <summary>
/// Keeps Hangfire armed with the timers due within <see cref="TimerOptions.Horizon"/>, from the database (the only
/// truth about timers). A node never loads every pending timer: each scan reads the ones due before the horizon
/// (earliest first, capped), arms those it has not armed, and re-arms one still pending well after it was due — a
/// job Hangfire lost (in-memory storage after a restart) or gave up on. Timers of faulted instances are left out;
/// a retry arms them through the outbox.
/// Several nodes on one database: one scans at a time (<see cref="ITimerCluster"/>), and every node records what it
/// arms there, so the scanning node skips timers another node's commit armed and re-arms those a dead node left.
/// </summary>
public sealed partial class TimerHorizon(
    IDurableTimerScheduler scheduler,
    IWorkflowStore store,
    ITimerCluster cluster,
    TimeProvider clock,
    IOptions<TimerOptions> options,
    ILogger<TimerHorizon> logger)
{
    private readonly Lock _gate = new();
    private Dictionary<string, Armed> _armed = new(StringComparer.Ordinal);

    /// <summary>Timers this node has handed to the scheduler and still believes pending.</summary>
    public int ArmedCount
    {
        get { lock (_gate) return _armed.Count; }
    }

    /// <summary>
    /// Arms a timer a commit just created, when it falls within the horizon (later ones wait for a scan). One a scan
    /// already armed is not armed twice, unless <paramref name="again"/> (a retry: its earlier job fired while the
    /// instance was faulted and did nothing).
    /// </summary>
    public void Arm(string instanceId, string bookmarkId, DateTimeOffset dueAt, bool again = false)
    {
        var now = clock.GetUtcNow();
        if (dueAt > now + options.Value.Horizon) return;
        lock (_gate)
        {
            if (!again && _armed.TryGetValue(bookmarkId, out var armed) && armed.DueAt == dueAt) return;
            _armed[bookmarkId] = new Armed(dueAt, now);
        }
        scheduler.Schedule(instanceId, bookmarkId, dueAt);
        cluster.RecordArmed([new ArmedTimer(bookmarkId, dueAt, now)]);
    }

    /// <summary>One pass over the horizon; returns how many timers it (re-)armed.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (!await cluster.IsScanningNodeAsync(cancellationToken))
        {
            // Another node scans; what this node armed is recorded in the cluster, so its memory can go.
            lock (_gate) _armed = new Dictionary<string, Armed>(StringComparer.Ordinal);
            return 0;
        }
        var due = await store.ListDueTimersAsync(now + settings.Horizon, settings.MaxArmed, cancellationToken);
        // Read after the query: a timer in its result that another node armed before it is recorded by now.
        var shared = cluster.ReadArmed();
        var toArm = new List<BookmarkRecord>();
        var toForget = new List<ArmedTimer>();
        lock (_gate)
        {
            foreach (var record in shared)
                if (!_armed.TryGetValue(record.BookmarkId, out var known) || known.ArmedAt < record.ArmedAt)
                    _armed[record.BookmarkId] = new Armed(record.DueAt, record.ArmedAt);
            var next = new Dictionary<string, Armed>(due.Count, StringComparer.Ordinal);
            foreach (var timer in due)
            {
                var dueAt = timer.ResumeAt!.Value;
                if (_armed.TryGetValue(timer.Id, out var armed) && armed.DueAt == dueAt && !IsLost(armed, now, settings.RearmAfter))
                {
                    next[timer.Id] = armed;
                    continue;
                }
                next[timer.Id] = new Armed(dueAt, now);
                toArm.Add(timer);
            }
            // Timers armed by commits while the query ran are not in its result yet: keep them.
            foreach (var (id, armed) in _armed)
                if (armed.ArmedAt >= now) next.TryAdd(id, armed);
            _armed = next;
            // Records of timers no longer pending (resumed, cancelled) or armed again since are forgotten.
            foreach (var record in shared)
                if (!next.TryGetValue(record.BookmarkId, out var kept) || kept != new Armed(record.DueAt, record.ArmedAt))
                    toForget.Add(record);
        }
        foreach (var timer in toArm) scheduler.Schedule(timer.InstanceId, timer.Id, timer.ResumeAt!.Value);
        if (toArm.Count > 0) cluster.RecordArmed([.. toArm.Select(timer => new ArmedTimer(timer.Id, timer.ResumeAt!.Value, now))]);
        if (toForget.Count > 0) cluster.Forget(toForget);
        if (toArm.Count > 0) LogArmed(toArm.Count, due.Count);
        return toArm.Count;
    }

    // Still pending a while after it was due, and armed a while ago: the job is gone (lost or out of retries).
    private static bool IsLost(Armed armed, DateTimeOffset now, TimeSpan grace)
        => now - armed.DueAt > grace && now - armed.ArmedAt > grace;

    private readonly record struct Armed(DateTimeOffset DueAt, DateTimeOffset ArmedAt);

    [LoggerMessage(LogLevel.Information, "Armed {Count} timer(s); {Pending} pending within the horizon")]
    private partial void LogArmed(int count, int pending);
}
