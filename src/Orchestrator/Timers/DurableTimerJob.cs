using Hangfire;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Timers;

/// <summary>
/// The Hangfire job behind every durable timer. It carries ids only and is idempotent: the bookmark is the
/// truth, so a timer whose bookmark was already resumed or cancelled does nothing. Hangfire keeps due times
/// in whole seconds and may fire up to ~1 s early: the job hands a short remainder to <see cref="TimerFinishLine"/>
/// (so the worker is free at once) or reschedules a long one, so a timer never resumes before it is due.
/// </summary>
public sealed partial class DurableTimerJob(
    IWorkflowRuntime runtime,
    IBackgroundJobClient jobs,
    TimerFinishLine finishLine,
    TimeProvider clock,
    ILogger<DurableTimerJob> logger)
{
    private static readonly TimeSpan WaitInProcessBelow = TimeSpan.FromSeconds(2);

    [AutomaticRetry(Attempts = 3)]
    public async Task FireAsync(string instanceId, string bookmarkId, long dueAtUtcTicks, CancellationToken cancellationToken)
    {
        var dueAt = new DateTimeOffset(dueAtUtcTicks, TimeSpan.Zero);
        var early = dueAt - clock.GetUtcNow();
        if (early > TimeSpan.Zero)
        {
            if (early > WaitInProcessBelow)
            {
                jobs.Schedule<DurableTimerJob>(job => job.FireAsync(instanceId, bookmarkId, dueAtUtcTicks, CancellationToken.None), early);
                return;
            }
            finishLine.ResumeAt(instanceId, bookmarkId, dueAt);
            return;
        }
        var result = await runtime.ResumeUnattendedAsync(bookmarkId, null, cancellationToken);
        if (result.Outcome == ResumeOutcome.NotFound) LogStale(instanceId, bookmarkId);
        // A faulted instance keeps its timer: the retry arms it again through the outbox.
        if (result.Outcome == ResumeOutcome.InstanceFaulted) LogFaulted(instanceId, bookmarkId);
    }

    [LoggerMessage(LogLevel.Information, "Timer for bookmark {BookmarkId} of {InstanceId} fell due while the instance is faulted; it fires after a retry")]
    private partial void LogFaulted(string instanceId, string bookmarkId);

    [LoggerMessage(LogLevel.Debug, "Timer for bookmark {BookmarkId} of {InstanceId} fired after it was resumed or cancelled")]
    private partial void LogStale(string instanceId, string bookmarkId);
}
