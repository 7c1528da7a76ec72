using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// Stands in for Hangfire in tests: remembers armed timers and, on <see cref="FireDueAsync"/>, scans the timer
/// horizon and runs every timer due at the fake clock's "now" through the real <see cref="DurableTimerJob"/>.
/// </summary>
public sealed class ManualTimerScheduler : IDurableTimerScheduler
{
    private readonly List<(string InstanceId, string BookmarkId, DateTimeOffset DueAt)> _timers = [];

    internal IServiceProvider? Services { get; set; }
    internal FakeTimeProvider? Clock { get; set; }

    public IReadOnlyList<(string InstanceId, string BookmarkId, DateTimeOffset DueAt)> Armed
    {
        get { lock (_timers) return _timers.ToList(); }
    }

    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        lock (_timers) _timers.Add((instanceId, bookmarkId, dueAt));
    }

    /// <summary>Moves the timer horizon to the fake clock's "now" (as the background scan would), then fires what is due.</summary>
    /// <summary>Forgets every armed job, as Hangfire's in-memory storage does on a restart or after a job's last retry.</summary>
    public void Drop()
    {
        lock (_timers) _timers.Clear();
    }

    public async Task<int> FireDueAsync()
    {
        await Services!.GetRequiredService<TimerHorizon>().ScanAsync(CancellationToken.None);
        var now = Clock!.GetUtcNow();
        List<(string InstanceId, string BookmarkId, DateTimeOffset DueAt)> due;
        lock (_timers)
        {
            due = _timers.Where(t => t.DueAt <= now).ToList();
            _timers.RemoveAll(t => t.DueAt <= now);
        }
        foreach (var timer in due)
        {
            using var scope = Services!.CreateScope();
            var job = ActivatorUtilities.CreateInstance<DurableTimerJob>(scope.ServiceProvider);
            await job.FireAsync(timer.InstanceId, timer.BookmarkId, timer.DueAt.UtcTicks, CancellationToken.None);
        }
        return due.Count;
    }
}
