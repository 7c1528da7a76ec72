using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// One instance touched by a unit of work: its state after the bursts and every burst it ran, merged into
/// one <see cref="InstanceWrite"/> (a bookmark created and consumed within the unit never reaches the store).
/// </summary>
internal sealed class PendingInstance(WorkflowState state, long expectedRevision, CompiledWorkflow workflow)
{
    public WorkflowState State { get; } = state;
    public long ExpectedRevision { get; } = expectedRevision;
    public CompiledWorkflow Workflow { get; } = workflow;
    public List<BurstResult> Bursts { get; } = [];

    /// <summary>Follow-up work decided outside the bursts (e.g. re-arming timers after a retry).</summary>
    public List<OutboxRecord> ExtraOutbox { get; } = [];

    /// <summary>This call counted an unattended attempt: its commit clears the count.</summary>
    public bool ClearAttempts { get; set; }

    /// <summary>Who resumed this instance in this unit (user or API key name), stamped on its journal rows.</summary>
    public string? Actor { get; set; }

    /// <summary>Replaces a bookmark created in this unit with one whose payload names the child it started.</summary>
    public BookmarkState RecordChild(BookmarkState bookmark, object payload)
    {
        var updated = bookmark with { Payload = payload };
        var index = State.Bookmarks.IndexOf(bookmark);
        if (index >= 0) State.Bookmarks[index] = updated;
        foreach (var burst in Bursts)
        {
            var added = burst.AddedBookmarks.IndexOf(bookmark);
            if (added >= 0) burst.AddedBookmarks[added] = updated;
        }
        return updated;
    }

    /// <param name="notifications">Which notifications a channel takes (<see cref="Records.Notifications.NotificationRouting.Settle"/>).</param>
    /// <param name="claimFor">
    /// Lease the follow-up work to the committing node for this long (it carries it out right after the commit), so no
    /// poll takes it meanwhile; after a crash any node claims it once the lease ends. Null: due at once.
    /// </param>
    /// <param name="written">
    /// The records written earlier in the same commit (by other instances of the unit): only a record's first write in a
    /// commit is checked against the version it was read at; later ones build on it in the same transaction.
    /// </param>
    public InstanceWrite ToWrite(Records.Notifications.NotificationRouting notifications, TimeSpan? claimFor = null,
        HashSet<(string RecordType, string RecordId)>? written = null)
    {
        var added = new Dictionary<string, BookmarkState>(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var burst in Bursts)
        {
            foreach (var bookmark in burst.AddedBookmarks) added[bookmark.Id] = bookmark;
            foreach (var id in burst.RemovedBookmarkIds)
                if (!added.Remove(id)) removed.Add(id);
        }
        var state = State;
        var record = new InstanceRecord(state.InstanceId, state.DefinitionId, state.DefinitionVersionId, state.Version, state.Name,
            state.Status, state.CorrelationId, state.ParentInstanceId, state.FaultCount, state.CreatedAt, state.UpdatedAt,
            state.FinishedAt, ExpectedRevision + 1, WorkflowStateSerializer.Serialize(state));
        var records = notifications.Settle(RecordWrites(written ?? []));
        return new InstanceWrite(
            record,
            ExpectedRevision,
            added.Values.Select(ToRecord).ToList(),
            removed,
            Bursts.SelectMany(b => b.Journal).Select(ToRecord).ToList(),
            Bursts.SelectMany(b => b.AddedFaults).Select(ToRecord).ToList(),
            Bursts.SelectMany(b => b.ResolvedFaultIds).ToList())
        {
            Outbox = Itsm.Orchestrator.Records.RecordFollowUps.Append(FollowUpWork(claimFor ?? TimeSpan.Zero), records, State.InstanceId, State.UpdatedAt,
                State.UpdatedAt + (claimFor ?? TimeSpan.Zero)),
            Records = records,
            ClearAttempts = ClearAttempts,
        };
    }

    /// <summary>
    /// The unit's record writes. Changes of one record that follow each other without a delete between them are one
    /// write of the last data, with a history row per change. A.1.1's start logs its incident and escalates it: the
    /// second write rewrote the row, moved its entries in four indexes and replaced its link, for nothing a reader sees.
    /// </summary>
    private List<RecordWrite> RecordWrites(HashSet<(string RecordType, string RecordId)> written)
    {
        List<(RecordChange Change, List<string>? Earlier, long? Expected)>? changes = null;
        foreach (var burst in Bursts)
            foreach (var change in burst.RecordChanges)
            {
                changes ??= [];
                var key = (change.RecordType, change.RecordId);
                var last = changes.FindLastIndex(c => (c.Change.RecordType, c.Change.RecordId) == key);
                if (last >= 0 && change.Operation == RecordOperation.Upsert && changes[last].Change.Operation == RecordOperation.Upsert)
                {
                    var (earlier, earlierIds, expected) = changes[last];
                    changes[last] = (change, [.. earlierIds ?? [], earlier.ActivityId], expected);
                    continue;
                }
                changes.Add((change, null, written.Add(key) ? change.ExpectedVersion : null));
            }

        if (changes is null) return [];
        var rows = new List<RecordWrite>(changes.Count);
        foreach (var (change, earlier, expected) in changes)
            rows.Add(new RecordWrite(change.RecordType, change.RecordId,
                change.Operation == RecordOperation.Delete ? null : System.Text.Json.JsonSerializer.Serialize(change.Data, Activities.Definitions.ElsaJson.Options),
                State.InstanceId, change.ActivityId, State.UpdatedAt)
            {
                ExpectedVersion = expected,
                EarlierActivityIds = earlier ?? (IReadOnlyList<string>)[],
            });
        return rows;
    }

    /// <summary>The outbox rows of this unit: published events, the waiting parent of a child that ended, extras.</summary>
    public IReadOnlyList<OutboxRecord> FollowUpWork(TimeSpan claimFor)
    {
        var now = State.UpdatedAt;
        List<OutboxRecord>? rows = null;
        foreach (var burst in Bursts)
            foreach (var published in burst.PublishedEvents)
                (rows ??= []).Add(Row(OutboxKinds.DeliverEvent, OutboxPayloads.Write(new OutboxPayloads.DeliverEvent(
                    published.EventName, published.CorrelationId, OutboxPayloads.Element(published.Payload), published.SourceInstanceId, now))));
        // A child that ended in this unit and whose parent waits in another one (a parent in the same unit was resumed
        // at once and the link cleared).
        if (State.ParentBookmarkId is { } parentBookmark && Bursts.Count > 0 && State.Status is InstanceStatus.Finished or InstanceStatus.Cancelled)
            (rows ??= []).Add(Row(OutboxKinds.ResumeParent, OutboxPayloads.Write(new OutboxPayloads.ResumeParent(
                parentBookmark, State.InstanceId, State.Status, OutboxPayloads.Element(State.Output)))));
        if (ExtraOutbox.Count > 0) (rows ??= []).AddRange(ExtraOutbox.Select(row => row with { AvailableAt = now + claimFor }));
        return rows ?? (IReadOnlyList<OutboxRecord>)[];

        OutboxRecord Row(string kind, string payload) => new(Ids.New(), kind, State.InstanceId, payload, now, now + claimFor, 0, null);
    }

    private BookmarkRecord ToRecord(BookmarkState bookmark)
    {
        var node = Workflow.NodesById.GetValueOrDefault(bookmark.ActivityId);
        var payload = bookmark.Payload is null ? null : System.Text.Json.JsonSerializer.Serialize(bookmark.Payload, Activities.Definitions.ElsaJson.Options);
        return new BookmarkRecord(bookmark.Id, State.InstanceId, bookmark.ActivityId, node?.TypeName ?? bookmark.Kind, bookmark.Kind,
            bookmark.Key, State.CorrelationId, payload, bookmark.CreatedAt, bookmark.ResumeAt, bookmark.Task);
    }

    private JournalRecord ToRecord(JournalEntry entry) => new(State.InstanceId, entry.Sequence, entry.ActivityId, entry.ActivityType,
        entry.ActivityName, entry.EventName, entry.StartedAt, entry.CompletedAt, entry.Outcome, entry.Summary, entry.Tags, Actor, entry.Data);

    private FaultRecord ToRecord(FaultState fault) => new(fault.Id, State.InstanceId, fault.ActivityId, fault.ActivityType,
        fault.Message, fault.ExceptionType, fault.OccurredAt, null);
}
