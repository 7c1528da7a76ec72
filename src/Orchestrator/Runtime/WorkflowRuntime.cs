using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// The durable shell around the pure engine: lock the instance, load it, run one burst, commit the burst's
/// changes in one transaction, then carry out what the commit decided (arm timers, deliver published events,
/// resume a waiting parent). A bookmark is consumed by the commit that resumed it, so a second resume —
/// sequential or racing — finds nothing and is answered as such.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowDefinitionService definitions,
    IWorkflowStore store,
    WorkflowExecutor executor,
    InstanceLocks locks,
    TriggerIndex triggers,
    IDurableTimerScheduler timers,
    ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    public async Task<StartResult> StartAsync(StartRequest request, CancellationToken cancellationToken)
    {
        var definition = await definitions.FindAsync(request.DefinitionId, request.VersionOptions, cancellationToken);
        if (definition is null)
            return new StartResult(StartOutcome.DefinitionNotFound, $"No {request.VersionOptions} version of workflow '{request.DefinitionId}'.", null, null);

        CompiledWorkflow workflow;
        try
        {
            workflow = (await definitions.GetCompiledAsync(definition.Id, cancellationToken))!;
        }
        catch (WorkflowDefinitionException ex)
        {
            return new StartResult(StartOutcome.InvalidDefinition, ex.Message, null, null);
        }
        if (request.TriggerActivityId is not null && !workflow.NodesById.ContainsKey(request.TriggerActivityId))
            return new StartResult(StartOutcome.InvalidTrigger, $"Activity '{request.TriggerActivityId}' is not part of workflow '{request.DefinitionId}'.", null, null);

        var unit = new UnitOfWork();
        var state = executor.CreateState(workflow, request.InstanceId ?? Ids.New(), request.Input, request.CorrelationId);
        BurstResult burst;
        using (await locks.AcquireAsync(state.InstanceId, cancellationToken))
        {
            var pending = unit.Add(state, 0, workflow);
            burst = await executor.StartAsync(workflow, state, request.TriggerActivityId, request.TriggerInput, cancellationToken);
            pending.Bursts.Add(burst);
            await StartChildrenAsync(unit, pending, 0, cancellationToken);
            await store.CommitAsync(unit.Instances.Select(i => i.ToWrite()).ToList(), cancellationToken);
        }
        LogStarted(state.InstanceId, workflow.DefinitionId, workflow.Version, state.Status);
        await AfterCommitAsync(unit, cancellationToken);
        return new StartResult(StartOutcome.Started, null, state, burst.HttpResponse);
    }

    public async Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, object? input, CancellationToken cancellationToken)
    {
        var bookmark = await store.FindBookmarkAsync(bookmarkId, cancellationToken);
        if (bookmark is null) return new ResumeResult(ResumeOutcome.NotFound, null, null);

        var unit = new UnitOfWork();
        PendingInstance? pending;
        BurstResult? burst;
        using (await locks.AcquireAsync(bookmark.InstanceId, cancellationToken))
        {
            // Loaded under the lock: a resume that lost the race sees the winner's commit, bookmark gone.
            (pending, burst) = await LoadAndRunAsync(unit, bookmark.InstanceId,
                async (workflow, state) => await executor.ResumeAsync(workflow, state, bookmarkId, input, cancellationToken), cancellationToken);
            if (pending is null || burst is null || burst.BookmarkNotFound)
                return new ResumeResult(ResumeOutcome.NotFound, pending?.State, null);
            await StartChildrenAsync(unit, pending, 0, cancellationToken);
            await store.CommitAsync(unit.Instances.Select(i => i.ToWrite()).ToList(), cancellationToken);
        }
        LogResumed(bookmark.InstanceId, bookmarkId, bookmark.Kind, pending.State.Status);
        await AfterCommitAsync(unit, cancellationToken);
        return new ResumeResult(ResumeOutcome.Resumed, pending.State, burst.HttpResponse);
    }

    public async Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var results = new List<ResumeResult>();
        var waiting = await store.FindBookmarksAsync(BookmarkKinds.Event, request.EventName, request.CorrelationId, request.InstanceId, cancellationToken);
        foreach (var bookmark in waiting)
        {
            var result = await ResumeBookmarkAsync(bookmark.Id, request.Input, cancellationToken);
            if (result.Outcome == ResumeOutcome.Resumed) results.Add(result);
        }
        if (request.InstanceId is null)
            foreach (var trigger in triggers.FindEvent(request.EventName))
            {
                var started = await StartAsync(new StartRequest(trigger.DefinitionId)
                {
                    CorrelationId = request.CorrelationId,
                    Input = request.Input as IReadOnlyDictionary<string, object?>,
                    TriggerActivityId = trigger.ActivityId,
                    TriggerInput = request.Input,
                }, cancellationToken);
                if (started.Outcome == StartOutcome.Started) results.Add(new ResumeResult(ResumeOutcome.Resumed, started.State, started.HttpResponse));
            }
        return results;
    }

    public Task<CommandResult> CancelAsync(string instanceId, CancellationToken cancellationToken)
        => RunCommandAsync(instanceId, (workflow, state) =>
        {
            if (state.IsTerminal) return null;
            return ValueTask.FromResult(executor.Cancel(workflow, state));
        }, "is already finished", cancellationToken);

    public Task<CommandResult> RetryAsync(string instanceId, CancellationToken cancellationToken)
        => RunCommandAsync(instanceId, (workflow, state) =>
            state.Status == InstanceStatus.Faulted ? executor.RetryAsync(workflow, state, cancellationToken) : null,
            "is not faulted", cancellationToken);

    private async Task<CommandResult> RunCommandAsync(string instanceId, Func<CompiledWorkflow, WorkflowState, ValueTask<BurstResult>?> command, string conflict, CancellationToken cancellationToken)
    {
        var unit = new UnitOfWork();
        PendingInstance? pending;
        var applicable = true;
        using (await locks.AcquireAsync(instanceId, cancellationToken))
        {
            (pending, _) = await LoadAndRunAsync(unit, instanceId, async (workflow, state) =>
            {
                var run = command(workflow, state);
                if (run is null)
                {
                    applicable = false;
                    return null;
                }
                return await run.Value;
            }, cancellationToken);
            if (pending is null) return new CommandResult(CommandOutcome.NotFound, $"Instance '{instanceId}' does not exist.", null);
            if (!applicable) return new CommandResult(CommandOutcome.Conflict, $"Instance '{instanceId}' {conflict} (status {pending.State.Status}).", pending.State);
            await StartChildrenAsync(unit, pending, 0, cancellationToken);
            await store.CommitAsync(unit.Instances.Select(i => i.ToWrite()).ToList(), cancellationToken);
        }
        await AfterCommitAsync(unit, cancellationToken);
        return new CommandResult(CommandOutcome.Done, null, pending.State);
    }

    /// <summary>Loads an instance into the unit and runs one burst on it; (null, null) when it does not exist.</summary>
    private async Task<(PendingInstance?, BurstResult?)> LoadAndRunAsync(
        UnitOfWork unit, string instanceId, Func<CompiledWorkflow, WorkflowState, ValueTask<BurstResult?>> run, CancellationToken cancellationToken)
    {
        var record = await store.FindInstanceAsync(instanceId, cancellationToken);
        if (record is null) return (null, null);
        var workflow = await definitions.GetCompiledAsync(record.DefinitionVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Instance '{instanceId}' runs definition version '{record.DefinitionVersionId}', which no longer exists.");
        var state = WorkflowStateSerializer.Deserialize(record.StateJson, workflow);
        var pending = unit.Add(state, record.Revision, workflow);
        var burst = await run(workflow, state);
        if (burst is not null && !burst.BookmarkNotFound) pending.Bursts.Add(burst);
        else unit.Instances.Remove(pending);
        return (pending, burst);
    }

    private async Task AfterCommitAsync(UnitOfWork unit, CancellationToken cancellationToken)
    {
        foreach (var (instanceId, timer) in unit.AddedTimers)
            timers.Schedule(instanceId, timer.Id, timer.ResumeAt!.Value);
        foreach (var child in unit.FinishedChildrenWithWaitingParents.ToList())
        {
            var result = await ResumeBookmarkAsync(child.ParentBookmarkId!, new ChildWorkflowResult(child.InstanceId, child.Status, child.Output), cancellationToken);
            if (result.Outcome == ResumeOutcome.NotFound) LogParentGone(child.InstanceId, child.ParentInstanceId);
        }
        foreach (var published in unit.PublishedEvents.ToList())
        {
            try
            {
                await TriggerEventAsync(new EventRequest(published.EventName) { CorrelationId = published.CorrelationId, Input = published.Payload }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The publisher's burst is committed; a failing receiver must not undo or fail it.
                LogEventDeliveryFailed(ex, published.EventName, published.SourceInstanceId);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Instance {InstanceId} of {DefinitionId} v{Version} started: {Status}")]
    private partial void LogStarted(string instanceId, string definitionId, int version, InstanceStatus status);

    [LoggerMessage(LogLevel.Debug, "Instance {InstanceId} resumed at bookmark {BookmarkId} ({Kind}): {Status}")]
    private partial void LogResumed(string instanceId, string bookmarkId, string kind, InstanceStatus status);

    [LoggerMessage(LogLevel.Warning, "Child {ChildId} finished but its parent {ParentId} no longer waits for it")]
    private partial void LogParentGone(string childId, string? parentId);

    [LoggerMessage(LogLevel.Error, "Delivering event {EventName} published by {InstanceId} failed")]
    private partial void LogEventDeliveryFailed(Exception exception, string eventName, string instanceId);
}
