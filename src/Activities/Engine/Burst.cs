using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// One execution burst of one instance: a FIFO of scheduled activities run until it is empty (the
/// instance finishes or waits on bookmarks), a fault stops it, or the step budget is spent.
/// </summary>
internal sealed partial class Burst
{
    private readonly WorkflowExecutor _executor;
    private readonly CompiledWorkflow _workflow;
    private readonly CompiledNode[] _nodes;
    private readonly WorkflowState _state;
    private readonly Queue<WorkItem> _queue = new();
    private Dictionary<int, HashSet<int>>? _joins;
    private List<int>? _waitingActiveJoins;
    private bool _stopped;
    private bool _faulted;
    private bool _ended;
    private Exception? _unexpected;

    /// <summary>A step's journal data (<see cref="JournalData"/>).</summary>
    private string? DataOf(CompiledNode node, bool hasOutput, object? output)
        => node.IsSensitive || _executor.Options.MaxJournalDataBytes <= 0
            ? null
            : JournalData.ForThisThread.Of(node, Context.StepInputs, hasOutput, output, _executor.Options);

    public Burst(WorkflowExecutor executor, CompiledWorkflow workflow, WorkflowState state)
    {
        _executor = executor;
        _workflow = workflow;
        _nodes = workflow.NodeArray;
        _state = state;
        Result = new BurstResult();
        Context = new ActivityContext(workflow, state, Result, executor.Options, executor.Clock, executor.Logger);
        LoadJoins();
    }

    public BurstResult Result { get; }
    public ActivityContext Context { get; }
    public int TriggerNode { get; set; } = -1;

    public void Enqueue(int node, int from) => _queue.Enqueue(new WorkItem(node, from));

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var budget = _executor.Options.StepBudgetPerBurst;
        while (!_stopped)
        {
            while (!_stopped && _queue.TryDequeue(out var item))
            {
                var node = _nodes[item.Node];
                Context.BeginStep();
                if (++Result.Steps > budget)
                {
                    Requeue(item);
                    Fault(node, $"Step budget exceeded: more than {budget} activities ran without the workflow waiting; it probably loops forever (last activity '{node.Name ?? node.Id}').", null);
                    break;
                }
                if (node.Activity is IJoinActivity join)
                    await ArriveAtJoinAsync(node, join, item.From, cancellationToken);
                else
                    await ExecuteNodeAsync(node, item, cancellationToken);
            }
            if (_stopped || !await ReleaseActiveJoinsAsync(cancellationToken)) break;
        }
        Finish();
    }

    public async ValueTask ResumeNodeAsync(CompiledNode node, CancellationToken cancellationToken)
    {
        Context.Node = node;
        Context.BeginStep();
        var startedAt = _executor.Clock.GetUtcNow();
        ActivityResult result;
        try
        {
            result = await node.Activity.ResumeAsync(Context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = FailureOf(ex);
        }
        Apply(node, new WorkItem(node.Index, -1), result, startedAt);
    }

    private async ValueTask ExecuteNodeAsync(CompiledNode node, WorkItem item, CancellationToken cancellationToken)
    {
        Context.Node = node;
        Context.IsTriggerOfThisStart = node.Index == TriggerNode;
        var startedAt = _executor.Clock.GetUtcNow();
        ActivityResult result;
        try
        {
            result = await node.Activity.ExecuteAsync(Context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An exception from activity code is a fault on the instance, never a crash of the host.
            result = FailureOf(ex);
        }
        if (Context.IsTriggerOfThisStart)
        {
            TriggerNode = -1;
            Context.IsTriggerOfThisStart = false;
        }
        Apply(node, item, result, startedAt);
    }

    private void Apply(CompiledNode node, WorkItem item, ActivityResult result, DateTimeOffset startedAt)
    {
        switch (result)
        {
            case Completed completed:
                Complete(node, item, completed, startedAt);
                break;
            case Suspended suspended:
                CreateBookmark(node, suspended.Bookmark, startedAt);
                break;
            case Failed failed:
                Requeue(item);
                Fault(node, failed.Message, failed.ExceptionType, failed.Retryable, startedAt);
                break;
        }
    }

    private void Complete(CompiledNode node, WorkItem item, Completed completed, DateTimeOffset startedAt)
    {
        if (!node.Descriptor.HasDynamicOutcomes)
            foreach (var outcome in completed.Outcomes)
                if (!node.Descriptor.Outcomes.Contains(outcome))
                {
                    Fault(node, $"Activity returned outcome '{outcome}', which {node.TypeName} does not declare.", null, false, startedAt);
                    return;
                }

        try
        {
            foreach (var binding in node.OutputBindings)
                Context.SetVariable(binding.Variable.Name, binding.IsSoleOutput ? completed.Output : OutputMembers.Get(completed.Output, binding.OutputName));
        }
        catch (Exception ex) when (ex is WorkflowValueException or FormatException)
        {
            // An output too large or too deep for its variable (or of the wrong shape) faults the step that produced it.
            var failure = FailureOf(ex);
            Requeue(item);
            Fault(node, failure.Message, failure.ExceptionType, true, startedAt);
            return;
        }
        Context.LastResult = completed.Output;

        var outcomeText = completed.Outcomes.Count == 1 ? completed.Outcomes[0] : string.Join(",", completed.Outcomes);
        Journal(node, JournalEvents.Completed, startedAt, outcomeText, JournalSummary.Of(completed.Output, _executor.Options.JournalSummaryLength),
            DataOf(node, hasOutput: true, completed.Output));

        if (node.Activity is ITerminalActivity)
        {
            // Elsa.End completes the flowchart: whatever else is pending is cancelled.
            CancelEverything();
            _ended = true;
            _stopped = true;
            return;
        }

        var ports = node.Ports;
        foreach (var outcome in completed.Outcomes)
            for (var p = 0; p < ports.Length; p++)
            {
                if (!string.Equals(ports[p].Name, outcome, StringComparison.Ordinal)) continue;
                foreach (var target in ports[p].Targets) _queue.Enqueue(new WorkItem(target, node.Index));
            }
    }

    private void CreateBookmark(CompiledNode node, BookmarkRequest request, DateTimeOffset startedAt)
    {
        var bookmark = new BookmarkState(Ids.New(), node.Id, request.Kind, request.Key, request.Payload, startedAt,
            request.ResumeAt, request.Task);
        _state.Bookmarks.Add(bookmark);
        Result.AddedBookmarks.Add(bookmark);
        Journal(node, JournalEvents.Suspended, startedAt, null, request.Key is null || request.KeyIsSecret ? request.Kind : $"{request.Kind}: {request.Key}",
            DataOf(node, hasOutput: false, null));
    }

    /// <summary>
    /// The fault an exception becomes. Failures the workflow caused (a script error, a refused value, an input that
    /// does not convert) say so in its terms; anything else is a defect whose details (type, .NET message, stack)
    /// belong in the server log, not on the instance, so the fault names only where to find them.
    /// </summary>
    private Failed FailureOf(Exception exception)
    {
        switch (exception)
        {
            case ScriptException or InputEvaluationException { InnerException: ScriptException }:
                return new Failed(exception.Message, true, FaultKinds.Script);
            case WorkflowValueException or InputEvaluationException { InnerException: WorkflowValueException }:
                return new Failed(Capitalize(exception.Message), true, FaultKinds.Limit);
            case InputEvaluationException or FormatException:
                return new Failed(exception.Message, true, FaultKinds.InvalidValue);
            default:
                _unexpected = exception;
                return new Failed("", true, FaultKinds.Internal);
        }
    }

    private static string Capitalize(string message) => message.Length > 0 && char.IsLower(message[0]) ? char.ToUpperInvariant(message[0]) + message[1..] : message;

    private void Fault(CompiledNode node, string message, string? exceptionType, bool retryable = true, DateTimeOffset? startedAt = null)
    {
        var now = _executor.Clock.GetUtcNow();
        // The faulting step did not happen: its record changes go, so a retry writes them once.
        Context.DropStepRecords();
        var id = Ids.New();
        if (_unexpected is { } exception)
        {
            message = $"Activity '{node.Name ?? node.Id}' failed unexpectedly; the server log has the details under fault {id}.";
            EngineLog.UnexpectedFault(_executor.Logger, exception, node.Id, node.TypeName, _state.InstanceId, id);
            Result.FaultException = exception;
            _unexpected = null;
        }
        var fault = new FaultState(id, node.Id, node.TypeName, message, exceptionType, retryable, now);
        _state.Fault = fault;
        _state.FaultCount++;
        Result.AddedFaults.Add(fault);
        Journal(node, JournalEvents.Faulted, startedAt ?? now, null, JournalSummary.Truncate(message, _executor.Options.JournalSummaryLength),
            DataOf(node, hasOutput: false, null));
        _faulted = true;
        _stopped = true;
    }

    public void CancelEverything()
    {
        _queue.Clear();
        _joins = null;
        _waitingActiveJoins = null;
        foreach (var bookmark in _state.Bookmarks.ToArray()) RemoveBookmark(bookmark);
    }

    public void RemoveBookmark(BookmarkState bookmark)
    {
        _state.Bookmarks.Remove(bookmark);
        // A bookmark created and removed in the same burst never reaches the store.
        if (!Result.AddedBookmarks.Remove(bookmark)) Result.RemovedBookmarkIds.Add(bookmark.Id);
    }

    public void RestoreQueue()
    {
        foreach (var item in _state.Queue ?? [])
            if (_workflow.NodesById.TryGetValue(item.ActivityId, out var node))
                _queue.Enqueue(new WorkItem(node.Index, item.FromActivityId is not null && _workflow.NodesById.TryGetValue(item.FromActivityId, out var from) ? from.Index : -1));
        _state.Queue = null;
    }

    private void Requeue(WorkItem item)
    {
        // The interrupted item goes first so a retry runs the faulted activity again before anything else.
        var rest = _queue.ToArray();
        _queue.Clear();
        _queue.Enqueue(item);
        foreach (var other in rest) _queue.Enqueue(other);
    }

    private void Finish()
    {
        var now = _executor.Clock.GetUtcNow();
        _state.UpdatedAt = now;
        SaveJoins();
        if (_faulted)
        {
            _state.Status = InstanceStatus.Faulted;
            _state.Queue = _queue.Select(item => new WorkItemState(_nodes[item.Node].Id, item.From >= 0 ? _nodes[item.From].Id : null)).ToList();
            return;
        }
        _state.Queue = null;
        if (!_ended && _state.Bookmarks.Count > 0)
        {
            _state.Status = InstanceStatus.Suspended;
            return;
        }
        _state.Status = InstanceStatus.Finished;
        _state.FinishedAt = now;
        _state.Joins = null;
        foreach (var name in _workflow.DeclaredOutputs)
            if (_state.Variables.TryGetValue(name, out var value))
                (_state.Output ??= new(StringComparer.Ordinal))[name] = value; // copies of variables, already within the caps
    }

    private void Journal(CompiledNode node, string eventName, DateTimeOffset startedAt, string? outcome, string? summary, string? data = null)
        => Result.Journal.Add(new JournalEntry(++_state.JournalSequence, node.Id, node.TypeName, node.Name, eventName,
            startedAt, _executor.Clock.GetUtcNow(), outcome, summary, node.TagsJson, data));

    private readonly record struct WorkItem(int Node, int From);
}
