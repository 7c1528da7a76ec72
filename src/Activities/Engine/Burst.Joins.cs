namespace Itsm.Activities.Engine;

/// <summary>
/// How a burst merges branches at joins: WaitAny fires on the first arrival and abandons the other upstream
/// branches; WaitAll waits for every inbound source; WaitAllActive fires once no upstream work is left.
/// Arrivals are kept in the state between bursts (a branch may arrive days after its sibling).
/// </summary>
internal sealed partial class Burst
{
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
            var failure = FailureOf(ex);
            Fault(node, failure.Message, failure.ExceptionType);
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
}
