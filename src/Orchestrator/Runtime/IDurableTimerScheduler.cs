namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Arms a durable timer: at <c>dueAt</c> the bookmark is resumed. The due time lives in the store
/// (the bookmark row), so the scheduler may lose its jobs (Hangfire in-memory storage): they are re-armed
/// from the store at start-up. Firing a timer whose bookmark is gone does nothing.
/// </summary>
public interface IDurableTimerScheduler
{
    void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt);
}
