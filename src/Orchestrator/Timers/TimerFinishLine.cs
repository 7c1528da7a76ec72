using System.Collections.Concurrent;
using Hangfire;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Timers;

/// <summary>
/// Waits out the last moments before a timer is due without holding a Hangfire worker. Hangfire keeps due times in
/// whole seconds, so a job runs up to a second early; waiting inside the job held one of the node's few workers for
/// half a second on average, which capped a node at ~8 timers/s: 50 Delays/s through two nodes came 9 s late
/// (p50, measured with bench `webhook-postgres`). The wait now runs here and the worker is free at once.
/// A wait that cannot resume (the database failed, the host is stopping) goes back to Hangfire as a job due now,
/// which retries; should even that fail, the timer is still pending in the database and the horizon re-arms it.
/// </summary>
public sealed partial class TimerFinishLine(
    IWorkflowRuntime runtime,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<TimerFinishLine> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _waits = new();

    /// <summary>How many timers are waiting for their due time here.</summary>
    public int Waiting => _waits.Count;

    /// <summary>Resumes <paramref name="bookmarkId"/> at <paramref name="dueAt"/>, in the background.</summary>
    public void ResumeAt(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        var wait = WaitAndResumeAsync(instanceId, bookmarkId, dueAt);
        _waits.TryAdd(wait, 0);
        _ = wait.ContinueWith(done => _waits.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task WaitAndResumeAsync(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        try
        {
            var early = dueAt - clock.GetUtcNow();
            if (early > TimeSpan.Zero) await Task.Delay(early, clock, _stopping.Token);
            await runtime.ResumeUnattendedAsync(bookmarkId, null, _stopping.Token);
        }
#pragma warning disable CA1031 // Any failure hands the timer back to Hangfire, whose retries and the horizon keep it at least once.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!_stopping.IsCancellationRequested) LogHandedBack(ex, instanceId, bookmarkId);
            HandBack(instanceId, bookmarkId, dueAt);
        }
    }

    private void HandBack(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        try
        {
            jobs.Schedule<DurableTimerJob>(job => job.FireAsync(instanceId, bookmarkId, dueAt.UtcTicks, CancellationToken.None), dueAt);
        }
#pragma warning disable CA1031 // The storage may be gone at shutdown; the pending bookmark in the database is the truth.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogLeftToHorizon(ex, instanceId, bookmarkId);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The test host may dispose its singletons before it stops its hosted services.
        if (Volatile.Read(ref _disposed)) return;
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // Disposed between the check and the cancel (seen once in CI): nothing is left to stop.
        }
        await Task.WhenAll(_waits.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _stopping.Dispose();
    }

    private bool _disposed;

    [LoggerMessage(LogLevel.Warning, "Timer for bookmark {BookmarkId} of {InstanceId} could not resume; handed back to Hangfire")]
    private partial void LogHandedBack(Exception exception, string instanceId, string bookmarkId);

    [LoggerMessage(LogLevel.Warning, "Timer for bookmark {BookmarkId} of {InstanceId} could not be handed back; the horizon re-arms it")]
    private partial void LogLeftToHorizon(Exception exception, string instanceId, string bookmarkId);
}
