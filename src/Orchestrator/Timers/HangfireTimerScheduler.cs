using Hangfire;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Timers;

/// <summary>Arms durable timers as Hangfire scheduled jobs through <see cref="IBackgroundJobClient"/> (never the statics).</summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : IDurableTimerScheduler
{
    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
        => jobs.Schedule<DurableTimerJob>(job => job.FireAsync(instanceId, bookmarkId, dueAt.UtcTicks, CancellationToken.None), dueAt);
}
