using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// One execution burst of one instance: a FIFO of scheduled activities run until it is empty (the
/// instance finishes or waits on bookmarks), a fault stops it, or the step budget is spent.
/// </summary>
internal sealed class Burst
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
        var startedAt = _executor.Clock.GetUtcNow();
        ActivityResult result;
        try
        {
            result = await node.Activity.ResumeAsync(Context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = new Failed(ex.Message, true, ex.GetType().FullName);
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
            result = new Failed(ex.Message, true, ex.GetType().FullName);
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
                Complete(node, completed, startedAt);
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

    private void Complete(CompiledNode node, Completed completed, DateTimeOffset startedAt)
    {
        if (!node.Descriptor.HasDynamicOutcomes)
            foreach (var outcome in completed.Outcomes)
                if (!node.Descriptor.Outcomes.Contains(outcome))
                {
                    Fault(node, $"Activity returned outcome '{outcome}', which {node.TypeName} does not declare.", null, false, startedAt);
                    return;
                }

        foreach (var binding in node.OutputBindings)
            Context.SetVariable(binding.Variable.Name, binding.IsSoleOutput ? completed.Output : OutputNamed(completed.Output, binding.OutputName));
        Context.LastResult = completed.Output;

        var outcomeText = completed.Outcomes.Count == 1 ? completed.Outcomes[0] : string.Join(",", completed.Outcomes);
        Journal(node, JournalEvents.Completed, startedAt, outcomeText, Summarize(completed.Output));

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
            request.ResumeAt, request.Role, request.Title, request.DueAt);
        _state.Bookmarks.Add(bookmark);
        Result.AddedBookmarks.Add(bookmark);
        Journal(node, JournalEvents.Suspended, startedAt, null, request.Key is null ? request.Kind : $"{request.Kind}: {request.Key}");
    }

    private void Fault(CompiledNode node, string message, string? exceptionType, bool retryable = true, DateTimeOffset? startedAt = null)
    {
        var now = _executor.Clock.GetUtcNow();
        var fault = new FaultState(Ids.New(), node.Id, node.TypeName, message, exceptionType, retryable, now);
        _state.Fault = fault;
        _state.FaultCount++;
        Result.AddedFaults.Add(fault);
        Journal(node, JournalEvents.Faulted, startedAt ?? now, null, Truncate(message));
        _faulted = true;
        _stopped = true;
    }

    private async ValueTask ArriveAtJoinAsync(CompiledNode node, IJoinActivity join, int from, CancellationToken cancellationToken)
    {
        Context.Node = node;
        var arrived = (_joins ??= [])[node.Index] = _joins.GetValueOrDefault(node.Index) ?? [];
        if (from >= 0) arrived.Add(from);
        JoinMode mode;
        try
        {
            mode = join.GetMode(Context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Requeue(new WorkItem(node.Index, from));
            Fault(node, ex.Message, ex.GetType().FullName);
            return;
        }
        switch (mode)
        {
            case JoinMode.WaitAny:
                CancelUpstream(node);
                await FireJoinAsync(node, cancellationToken);
                break;
            case JoinMode.WaitAll when node.InboundSources.All(arrived.Contains):
                await FireJoinAsync(node, cancellationToken);
                break;
            case JoinMode.WaitAllActive:
                if (!HasPendingUpstream(node)) await FireJoinAsync(node, cancellationToken);
                else if (!(_waitingActiveJoins ??= []).Contains(node.Index)) _waitingActiveJoins.Add(node.Index);
                break;
        }
    }

    private async ValueTask FireJoinAsync(CompiledNode node, CancellationToken cancellationToken)
    {
        _joins?.Remove(node.Index);
        _waitingActiveJoins?.Remove(node.Index);
        await ExecuteNodeAsync(node, new WorkItem(node.Index, -1), cancellationToken);
    }

    /// <summary>WaitAllActive joins fire once no upstream work is left, which is only known when the queue drains.</summary>
    private async ValueTask<bool> ReleaseActiveJoinsAsync(CancellationToken cancellationToken)
    {
        if (_waitingActiveJoins is not { Count: > 0 }) return false;
        var released = false;
        foreach (var index in _waitingActiveJoins.ToArray())
        {
            if (HasPendingUpstream(_nodes[index])) continue;
            await FireJoinAsync(_nodes[index], cancellationToken);
            released = true;
        }
        return released && _queue.Count > 0;
    }

    private bool HasPendingUpstream(CompiledNode join)
    {
        var upstream = join.Upstream!;
        foreach (var item in _queue)
            if (upstream[item.Node]) return true;
        foreach (var bookmark in _state.Bookmarks)
            if (_workflow.NodesById.TryGetValue(bookmark.ActivityId, out var node) && upstream[node.Index]) return true;
        return false;
    }

    /// <summary>A WaitAny join has fired: the other branches leading into it are abandoned.</summary>
    private void CancelUpstream(CompiledNode join)
    {
        var upstream = join.Upstream!;
        // Arrivals of the same wave already queued for this join are dropped too, or it would fire again.
        if (_queue.Any(item => upstream[item.Node] || item.Node == join.Index))
        {
            var keep = _queue.Where(item => !upstream[item.Node] && item.Node != join.Index).ToList();
            _queue.Clear();
            foreach (var item in keep) _queue.Enqueue(item);
        }
        foreach (var bookmark in _state.Bookmarks.ToArray())
            if (_workflow.NodesById.TryGetValue(bookmark.ActivityId, out var node) && upstream[node.Index])
            {
                RemoveBookmark(bookmark);
                Journal(node, JournalEvents.Cancelled, _executor.Clock.GetUtcNow(), null, $"Cancelled: '{join.Name ?? join.Id}' continued without this branch");
            }
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
                Context.SetOutput(name, value);
    }

    private void LoadJoins()
    {
        if (_state.Joins is not { Count: > 0 }) return;
        _joins = [];
        foreach (var (joinId, sources) in _state.Joins)
            if (_workflow.NodesById.TryGetValue(joinId, out var join))
                _joins[join.Index] = sources.Select(id => _workflow.NodesById.TryGetValue(id, out var n) ? n.Index : -1).Where(i => i >= 0).ToHashSet();
    }

    private void SaveJoins()
    {
        _state.Joins = _joins is { Count: > 0 }
            ? _joins.Where(pair => pair.Value.Count > 0).ToDictionary(pair => _nodes[pair.Key].Id, pair => pair.Value.Select(i => _nodes[i].Id).ToList())
            : null;
        if (_state.Joins is { Count: 0 }) _state.Joins = null;
    }

    private void Journal(CompiledNode node, string eventName, DateTimeOffset startedAt, string? outcome, string? summary)
        => Result.Journal.Add(new JournalEntry(++_state.JournalSequence, node.Id, node.TypeName, node.Name, eventName,
            startedAt, _executor.Clock.GetUtcNow(), outcome, summary, node.TagsJson));

    private string? Summarize(object? output) => output switch
    {
        null => null,
        string text => Truncate(text),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        // A request is summarised by its route; its body is in the variables the flow bound it to.
        HttpRequestData request => $"{request.Method} /{request.Path.TrimStart('/')}",
        _ => Truncate(TrySerialize(output)),
    };

    private static string TrySerialize(object value)
    {
        try
        {
            return JsonSerializer.Serialize(value, ElsaJson.Options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return value.ToString() ?? value.GetType().Name;
        }
    }

    private string Truncate(string text)
    {
        var max = _executor.Options.JournalSummaryLength;
        return text.Length <= max ? text : text[..max] + "…";
    }

    private static object? OutputNamed(object? output, string name) => output switch
    {
        IDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value
            : map.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value,
        null => null,
        _ => output.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.GetValue(output),
    };

    private readonly record struct WorkItem(int Node, int From);
}
