using System.Security.Cryptography;
using System.Text;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records.Notifications;
using Itsm.Orchestrator.Timers;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// The durable shell around the pure engine: lock the instance, load it, run one burst, commit the burst's
/// changes and the follow-up work it decided (the outbox) in one transaction, then carry that work out (arm timers,
/// deliver published events, resume a waiting parent). A bookmark is consumed by the commit that resumed it, so a
/// second resume — sequential or racing — finds nothing and is answered as such; a bookmark of a Faulted instance is
/// not consumed and is answered as such. A call that loses a revision race to another caller or node runs again.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowDefinitionService definitions,
    IWorkflowStore store,
    WorkflowExecutor executor,
    IInstanceLocks locks,
    TriggerIndex triggers,
    TimerHorizon timers,
    OutboxDispatcher outbox,
    NotificationRouting notifications,
    IOptions<RuntimeOptions> runtimeOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    public Task<StartResult> StartAsync(StartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A record the start's steps changed moved before the commit: run the start again on what is there now. A revision
        // conflict is not retried here: a start under a reserved id that somebody committed first is a duplicate.
        return RetryOnConflictAsync(request.DefinitionId, () => StartOnceAsync(request, cancellationToken), cancellationToken, revisionConflicts: false);
    }

    private async Task<StartResult> StartOnceAsync(StartRequest request, CancellationToken cancellationToken)
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
        IReadOnlyList<InstanceWrite> writes;
        // An id made up here is known to no other caller until the commit: no other node can run it meanwhile.
        await using (await (request.InstanceId is null ? locks.AcquireNewAsync(state.InstanceId, cancellationToken) : locks.AcquireAsync(state.InstanceId, cancellationToken)))
        {
            var pending = unit.Add(state, 0, workflow);
            burst = await executor.StartAsync(workflow, state, request.TriggerActivityId, request.TriggerInput, cancellationToken);
            pending.Bursts.Add(burst);
            await StartChildrenAsync(unit, pending, 0, cancellationToken);
            writes = await CommitAsync(unit, cancellationToken);
        }
        LogStarted(state.InstanceId, workflow.DefinitionId, workflow.Version, state.Status);
        await AfterCommitAsync(unit, writes, cancellationToken);
        return new StartResult(StartOutcome.Started, null, state, burst.HttpResponse);
    }

    public Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, object? input, CancellationToken cancellationToken, string? actor = null)
        => ResumeAsync(bookmarkId, input, unattended: false, actor, cancellationToken);

    public Task<ResumeResult> ResumeUnattendedAsync(string bookmarkId, object? input, CancellationToken cancellationToken)
        => ResumeAsync(bookmarkId, input, unattended: true, actor: null, cancellationToken);

    private Task<ResumeResult> ResumeAsync(string bookmarkId, object? input, bool unattended, string? actor, CancellationToken cancellationToken)
        => RetryOnConflictAsync(bookmarkId, () => ResumeOnceAsync(bookmarkId, input, unattended, actor, cancellationToken), cancellationToken);

    private async Task<ResumeResult> ResumeOnceAsync(string bookmarkId, object? input, bool unattended, string? actor, CancellationToken cancellationToken)
    {
        var bookmark = await store.FindBookmarkAsync(bookmarkId, cancellationToken);
        if (bookmark is null) return new ResumeResult(ResumeOutcome.NotFound, null, null);

        var unit = new UnitOfWork();
        IReadOnlyList<InstanceWrite> writes;
        Loaded loaded;
        await using (await locks.AcquireAsync(bookmark.InstanceId, cancellationToken))
        {
            // Loaded under the lock: a resume that lost the race sees the winner's commit, bookmark gone.
            loaded = await LoadAsync(unit, bookmark.InstanceId, cancellationToken);
            if (loaded.Pending is not { } pending || !pending.State.Bookmarks.Exists(b => b.Id == bookmarkId))
                return new ResumeResult(ResumeOutcome.NotFound, loaded.Pending?.State, null);
            if (pending.State.Status == InstanceStatus.Faulted)
                return new ResumeResult(ResumeOutcome.InstanceFaulted, pending.State, null);
            if (unattended && await QuarantineIfPoisonedAsync(pending, bookmark, cancellationToken))
            {
                writes = await CommitAsync(unit, cancellationToken);
                return new ResumeResult(ResumeOutcome.InstanceFaulted, pending.State, null);
            }
            var burst = await executor.ResumeAsync(pending.Workflow, pending.State, bookmarkId, input, cancellationToken);
            if (burst.BookmarkNotFound) return new ResumeResult(ResumeOutcome.NotFound, pending.State, null);
            pending.Bursts.Add(burst);
            pending.Actor = actor;
            await StartChildrenAsync(unit, pending, 0, cancellationToken);
            writes = await CommitAsync(unit, cancellationToken);
            loaded = loaded with { Burst = burst };
        }
        LogResumed(bookmark.InstanceId, bookmarkId, bookmark.Kind, loaded.Pending.State.Status);
        await AfterCommitAsync(unit, writes, cancellationToken);
        return new ResumeResult(ResumeOutcome.Resumed, loaded.Pending.State, loaded.Burst?.HttpResponse);
    }

    /// <summary>
    /// Counts an unattended run before it starts (durably: a run that kills the host never reaches its commit, which
    /// would clear the count). Past the limit the instance is faulted instead of run, so the host keeps serving and an
    /// administrator can cancel or retry it. True when the instance was quarantined.
    /// </summary>
    private async Task<bool> QuarantineIfPoisonedAsync(PendingInstance pending, BookmarkRecord bookmark, CancellationToken cancellationToken)
    {
        var limit = runtimeOptions.Value.MaxUnfinishedAttempts;
        var attempts = await store.CountAttemptAsync(pending.State.InstanceId, executor.Clock.GetUtcNow(), cancellationToken);
        pending.ClearAttempts = true;
        if (attempts <= limit) return false;
        var message = $"Quarantined: {attempts - 1} earlier unattended run(s) of this instance started at '{bookmark.ActivityId}' and never finished "
            + "(the host stopped while running it). Nothing runs until it is retried or cancelled.";
        pending.Bursts.Add(executor.Quarantine(pending.Workflow, pending.State, bookmark.ActivityId, message));
        LogQuarantined(pending.State.InstanceId, bookmark.ActivityId, attempts - 1);
        return true;
    }

    public async Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var results = new List<ResumeResult>();
        var waiting = await store.FindBookmarksAsync(BookmarkKinds.Event, request.EventName, request.CorrelationId, request.InstanceId, cancellationToken);
        foreach (var bookmark in waiting)
        {
            if (request.PublishedAt is { } publishedAt && bookmark.CreatedAt > publishedAt) continue;
            var result = request.DeliveryId is null
                ? await ResumeBookmarkAsync(bookmark.Id, request.Input, cancellationToken)
                : await ResumeUnattendedAsync(bookmark.Id, request.Input, cancellationToken);
            if (result.Outcome == ResumeOutcome.Resumed) results.Add(result);
        }
        if (request.InstanceId is null)
            foreach (var trigger in triggers.FindEvent(request.EventName))
            {
                var start = new StartRequest(trigger.DefinitionId)
                {
                    CorrelationId = request.CorrelationId,
                    Input = request.Input as IReadOnlyDictionary<string, object?>,
                    TriggerActivityId = trigger.ActivityId,
                    TriggerInput = request.Input,
                    InstanceId = request.DeliveryId is null ? null : DerivedId(request.DeliveryId, trigger.DefinitionId, trigger.ActivityId),
                };
                StartResult started;
                try
                {
                    started = await StartAsync(start, cancellationToken);
                }
                catch (ConcurrencyConflictException) when (start.InstanceId is not null)
                {
                    continue; // Started by an earlier delivery of the same event.
                }
                if (started.Outcome == StartOutcome.Started) results.Add(new ResumeResult(ResumeOutcome.Resumed, started.State, started.HttpResponse));
            }
        return results;
    }

    public Task<CommandResult> CancelAsync(string instanceId, CancellationToken cancellationToken)
        => RetryOnConflictAsync(instanceId, () => RunCommandAsync(instanceId, state => !state.IsTerminal,
            (workflow, state) => ValueTask.FromResult(executor.Cancel(workflow, state)),
            "is already finished", cancellationToken), cancellationToken);

    public Task<CommandResult> RetryAsync(string instanceId, CancellationToken cancellationToken)
        => RetryOnConflictAsync(instanceId, () => RunCommandAsync(instanceId, state => state.Status == InstanceStatus.Faulted,
            (workflow, state) => executor.RetryAsync(workflow, state, cancellationToken),
            "is not faulted", cancellationToken), cancellationToken);

    private async Task<CommandResult> RunCommandAsync(string instanceId, Func<WorkflowState, bool> applies, Func<CompiledWorkflow, WorkflowState, ValueTask<BurstResult>> command, string conflict, CancellationToken cancellationToken)
    {
        var unit = new UnitOfWork();
        IReadOnlyList<InstanceWrite> writes;
        PendingInstance pending;
        await using (await locks.AcquireAsync(instanceId, cancellationToken))
        {
            var loaded = await LoadAsync(unit, instanceId, cancellationToken);
            if (loaded.Pending is null) return new CommandResult(CommandOutcome.NotFound, $"Instance '{instanceId}' does not exist.", null);
            pending = loaded.Pending;
            var wasFaulted = pending.State.Status == InstanceStatus.Faulted;
            // Checked before the command is called (not a nullable ValueTask): a ValueTask is awaited once, never stored.
            if (!applies(pending.State)) return new CommandResult(CommandOutcome.Conflict, $"Instance '{instanceId}' {conflict} (status {pending.State.Status}).", pending.State);
            pending.Bursts.Add(await command(pending.Workflow, pending.State));
            // Timers that fell due while the instance was faulted were skipped: arm them again once it runs.
            if (wasFaulted && pending.State.Status != InstanceStatus.Faulted && pending.State.Bookmarks.Exists(b => b.ResumeAt is not null))
            {
                pending.ExtraOutbox.Add(new OutboxRecord(Ids.New(), OutboxKinds.ArmTimers, instanceId,
                    OutboxPayloads.Write(new OutboxPayloads.ArmTimers(instanceId)), pending.State.UpdatedAt, pending.State.UpdatedAt, 0, null));
                pending.ClearAttempts = true;
            }
            await StartChildrenAsync(unit, pending, 0, cancellationToken);
            writes = await CommitAsync(unit, cancellationToken);
        }
        await AfterCommitAsync(unit, writes, cancellationToken);
        return new CommandResult(CommandOutcome.Done, null, pending.State);
    }

    /// <summary>
    /// Runs a call again when a record it changed moved, or (<paramref name="revisionConflicts"/>) it lost a revision race
    /// (bounded); the last loss surfaces as a 409.
    /// </summary>
    private async Task<T> RetryOnConflictAsync<T>(string key, Func<Task<T>> call, CancellationToken cancellationToken, bool revisionConflicts = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception conflict) when ((conflict is RecordConflictException || (revisionConflicts && conflict is ConcurrencyConflictException))
                && attempt < runtimeOptions.Value.MaxConflictRetries && !cancellationToken.IsCancellationRequested)
            {
                LogConflictRetry(conflict is RecordConflictException moved ? $"{key}: {moved.RecordType} '{moved.RecordId}'" : key, attempt + 1);
            }
        }
    }

    /// <summary>Loads an instance into the unit (not yet run); no pending instance when it does not exist.</summary>
    private async Task<Loaded> LoadAsync(UnitOfWork unit, string instanceId, CancellationToken cancellationToken)
    {
        var record = await store.FindInstanceAsync(instanceId, cancellationToken);
        if (record is null) return default;
        var workflow = await definitions.GetCompiledAsync(record.DefinitionVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Instance '{instanceId}' runs definition version '{record.DefinitionVersionId}', which no longer exists.");
        var state = WorkflowStateSerializer.Deserialize(record.StateJson, workflow);
        return new Loaded(unit.Add(state, record.Revision, workflow), null);
    }

    private readonly record struct Loaded(PendingInstance? Pending, BurstResult? Burst);

    private async Task<IReadOnlyList<InstanceWrite>> CommitAsync(UnitOfWork unit, CancellationToken cancellationToken)
    {
        var settings = outboxOptions.Value;
        var writes = unit.ToWrites(settings.DispatchAfterCommit ? settings.Lease : null, notifications);
        await store.CommitAsync(writes, cancellationToken);
        return writes;
    }

    /// <summary>Arms the unit's new timers and carries out its follow-up work (already durable in the outbox).</summary>
    private async Task AfterCommitAsync(UnitOfWork unit, IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var (instanceId, timer) in unit.AddedTimers)
            timers.Arm(instanceId, timer.Id, timer.ResumeAt!.Value);
        if (!outboxOptions.Value.DispatchAfterCommit) return;
        // Most commits have no follow-up work: nothing is allocated for them.
        List<OutboxRecord>? followUp = null;
        foreach (var write in writes)
            if (write.Outbox.Count > 0) (followUp ??= []).AddRange(write.Outbox);
        if (followUp is not null) await outbox.DispatchAsync(followUp, cancellationToken);
    }

    /// <summary>A stable instance id for a start caused by one delivery: a redelivery derives the same id.</summary>
    private static string DerivedId(string deliveryId, string definitionId, string activityId)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{deliveryId}\n{definitionId}\n{activityId}")).AsSpan(0, 16));

    [LoggerMessage(LogLevel.Debug, "Instance {InstanceId} of {DefinitionId} v{Version} started: {Status}")]
    private partial void LogStarted(string instanceId, string definitionId, int version, InstanceStatus status);

    [LoggerMessage(LogLevel.Debug, "Instance {InstanceId} resumed at bookmark {BookmarkId} ({Kind}): {Status}")]
    private partial void LogResumed(string instanceId, string bookmarkId, string kind, InstanceStatus status);

    [LoggerMessage(LogLevel.Error, "Instance {InstanceId} quarantined at {ActivityId} after {Attempts} unfinished unattended runs")]
    private partial void LogQuarantined(string instanceId, string activityId, int attempts);

    [LoggerMessage(LogLevel.Information, "{Key}: another caller committed first; running again (retry {Attempt})")]
    private partial void LogConflictRetry(string key, int attempt);
}
