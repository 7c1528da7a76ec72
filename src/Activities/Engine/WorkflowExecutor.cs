using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Itsm.Activities.Engine;

/// <summary>
/// The pure flowchart engine: given a compiled definition, an instance's state and a stimulus (start,
/// resume, retry, cancel), it runs activities until nothing is left to run but bookmarks, mutates the
/// state and reports what to persist in a <see cref="BurstResult"/>. No I/O, no locks, no clock but the
/// injected one: the runtime wraps it with persistence and one-executor-per-instance.
/// </summary>
public sealed class WorkflowExecutor(EngineOptions options, TimeProvider clock, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public EngineOptions Options => options;
    public TimeProvider Clock => clock;

    /// <summary>A new instance's state: variables at their defaults, status Running, nothing executed yet.</summary>
    public WorkflowState CreateState(CompiledWorkflow workflow, string instanceId, IReadOnlyDictionary<string, object?>? input, string? correlationId)
    {
        var now = clock.GetUtcNow();
        var state = new WorkflowState
        {
            InstanceId = instanceId,
            DefinitionId = workflow.DefinitionId,
            DefinitionVersionId = workflow.DefinitionVersionId,
            Version = workflow.Version,
            Name = workflow.Name,
            Status = InstanceStatus.Running,
            CorrelationId = correlationId,
            Input = input is { Count: > 0 } ? new Dictionary<string, object?>(input, StringComparer.Ordinal) : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in workflow.Variables)
            if (variable.DefaultValue is not null)
                state.Variables[variable.Name] = variable.Type.IsValueType || variable.DefaultValue is string
                    ? variable.DefaultValue
                    : ValueConverter.Convert(variable.DefaultText, variable.Type);
        return state;
    }

    /// <summary>Runs a new instance from its start node, or from <paramref name="triggerActivityId"/> with the trigger's payload.</summary>
    public async ValueTask<BurstResult> StartAsync(CompiledWorkflow workflow, WorkflowState state, string? triggerActivityId, object? triggerInput, CancellationToken cancellationToken)
    {
        var burst = new Burst(this, workflow, state);
        var start = workflow.StartNode;
        if (triggerActivityId is not null)
        {
            if (!workflow.NodesById.TryGetValue(triggerActivityId, out var trigger))
                throw new ArgumentException($"Activity '{triggerActivityId}' is not part of workflow '{workflow.DefinitionId}'.", nameof(triggerActivityId));
            start = trigger.Index;
            burst.TriggerNode = start;
            burst.Context.ResumeInput = triggerInput;
        }
        state.Status = InstanceStatus.Running;
        if (start >= 0) burst.Enqueue(start, -1);
        await burst.RunAsync(cancellationToken);
        return burst.Result;
    }

    /// <summary>Resumes the activity waiting on <paramref name="bookmarkId"/>; a bookmark already consumed sets <see cref="BurstResult.BookmarkNotFound"/>.</summary>
    public async ValueTask<BurstResult> ResumeAsync(CompiledWorkflow workflow, WorkflowState state, string bookmarkId, object? input, CancellationToken cancellationToken)
    {
        var burst = new Burst(this, workflow, state);
        var bookmark = state.Bookmarks.Find(b => b.Id == bookmarkId);
        if (bookmark is null || state.IsTerminal || state.Status == InstanceStatus.Faulted)
        {
            burst.Result.BookmarkNotFound = true;
            return burst.Result;
        }
        if (!workflow.NodesById.TryGetValue(bookmark.ActivityId, out var node))
            throw new InvalidOperationException($"Bookmark '{bookmarkId}' points at activity '{bookmark.ActivityId}', which version {workflow.Version} does not have.");

        burst.RemoveBookmark(bookmark);
        state.Status = InstanceStatus.Running;
        burst.Context.ResumeInput = input;
        await burst.ResumeNodeAsync(node, cancellationToken);
        await burst.RunAsync(cancellationToken);
        return burst.Result;
    }

    /// <summary>Continues a faulted instance from the activity that faulted (it runs again).</summary>
    public async ValueTask<BurstResult> RetryAsync(CompiledWorkflow workflow, WorkflowState state, CancellationToken cancellationToken)
    {
        if (state.Status != InstanceStatus.Faulted || state.Fault is null)
            throw new InvalidOperationException($"Instance '{state.InstanceId}' is {state.Status}, not Faulted: there is nothing to retry.");
        var burst = new Burst(this, workflow, state);
        burst.Result.ResolvedFaultIds.Add(state.Fault.Id);
        state.Fault = null;
        state.Status = InstanceStatus.Running;
        burst.RestoreQueue();
        await burst.RunAsync(cancellationToken);
        return burst.Result;
    }

    /// <summary>Cancels the instance: its bookmarks and pending work are dropped and any open fault is resolved.</summary>
    public BurstResult Cancel(CompiledWorkflow workflow, WorkflowState state)
    {
        if (state.IsTerminal)
            throw new InvalidOperationException($"Instance '{state.InstanceId}' is already {state.Status}.");
        var burst = new Burst(this, workflow, state);
        if (state.Fault is not null) burst.Result.ResolvedFaultIds.Add(state.Fault.Id);
        state.Fault = null;
        burst.CancelEverything();
        var now = clock.GetUtcNow();
        burst.Result.Journal.Add(new JournalEntry(++state.JournalSequence, workflow.Model.Root?["id"]?.GetValue<string>() ?? "root",
            "Elsa.Workflow", workflow.Name, JournalEvents.Cancelled, now, now, null, "Cancelled", null));
        state.Queue = null;
        state.Joins = null;
        state.Status = InstanceStatus.Cancelled;
        state.FinishedAt = now;
        state.UpdatedAt = now;
        return burst.Result;
    }

    /// <summary>
    /// Faults the instance at <paramref name="activityId"/> without running anything (the runtime's quarantine of an
    /// instance whose runs keep dying with the host). Its bookmarks and pending work stay, so a retry continues it.
    /// </summary>
    public BurstResult Quarantine(CompiledWorkflow workflow, WorkflowState state, string activityId, string message)
    {
        var now = clock.GetUtcNow();
        var node = workflow.NodesById.GetValueOrDefault(activityId);
        var fault = new FaultState(Ids.New(), activityId, node?.TypeName ?? "Elsa.Workflow", message, null, true, now);
        var result = new BurstResult();
        result.AddedFaults.Add(fault);
        result.Journal.Add(new JournalEntry(++state.JournalSequence, activityId, fault.ActivityType, node?.Name, JournalEvents.Faulted,
            now, now, null, JournalSummary.Truncate(message, options.JournalSummaryLength), node?.TagsJson));
        state.Fault = fault;
        state.FaultCount++;
        state.Status = InstanceStatus.Faulted;
        state.UpdatedAt = now;
        return result;
    }

    internal ILogger Logger => _logger;
}
