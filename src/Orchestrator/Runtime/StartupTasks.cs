using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Brings the node up in order before it takes requests: database migrated, shipped definitions seeded,
/// published definitions compiled into the cache and trigger index, durable timers re-armed from the store.
/// </summary>
public sealed partial class StartupTasks(
    DatabaseInitializer database,
    WorkflowFileSeeder seeder,
    WorkflowDefinitionService definitions,
    IWorkflowStore store,
    IDurableTimerScheduler timers,
    IWorkflowRuntime runtime,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        await seeder.SeedAsync(cancellationToken);
        await definitions.WarmAsync(cancellationToken);
        var pending = await store.ListTimerBookmarksAsync(cancellationToken);
        foreach (var timer in pending) timers.Schedule(timer.InstanceId, timer.Id, timer.ResumeAt!.Value);
        var reconnected = runtime is WorkflowRuntime durable ? await durable.ResumeParentsOfFinishedChildrenAsync(cancellationToken) : 0;
        LogReady(pending.Count, reconnected);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Runtime ready; {TimerCount} durable timers re-armed, {ParentCount} parents of finished children resumed")]
    private partial void LogReady(int timerCount, int parentCount);
}
