using System.Text.Json.Nodes;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records.Notifications;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// Record changes made outside a step: by a person through the API or by the host (the demo estate). They commit
/// through the store like a step's, with links, history (the actor instead of an instance and step) and the same
/// follow-up work (a pending notification is delivered), in one transaction.
/// </summary>
public sealed class RecordWriter(IWorkflowStore store, OutboxDispatcher dispatcher, NotificationRouting notifications, IOptions<OutboxOptions> outboxOptions,
    TimeProvider clock)
{
    /// <summary>A change of <paramref name="recordType"/> <paramref name="recordId"/> by <paramref name="actor"/>, stamped now.</summary>
    public RecordWrite ByHand(string recordType, string recordId, JsonObject data, string actor)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RecordWrite(recordType, recordId, data.ToJsonString(), "", "", clock.GetUtcNow()) { Actor = actor };
    }

    /// <summary>
    /// Commits <paramref name="writes"/> with their follow-up work and the events in <paramref name="publish"/>, which
    /// are delivered to waiting and starting workflows once the transaction has committed (at least once, by the outbox).
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken, params IReadOnlyList<(string EventName, object? Payload)> publish)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(publish);
        var now = clock.GetUtcNow();
        // Leased to this node, which carries the work out right after the commit as the runtime does; should it die
        // first, the lease runs out and any node's poller takes the rows.
        var runHere = outboxOptions.Value.DispatchAfterCommit;
        var availableAt = runHere ? now + outboxOptions.Value.Lease : now;
        writes = notifications.Settle(writes);
        var outbox = RecordFollowUps.Append([], writes, null, now, availableAt);
        if (publish.Count > 0)
            outbox = [.. outbox, .. publish.Select(e => new OutboxRecord(Itsm.Activities.Engine.Ids.New(), OutboxKinds.DeliverEvent, null,
                OutboxPayloads.Write(new OutboxPayloads.DeliverEvent(e.EventName, null, OutboxPayloads.Element(e.Payload), "", now)), now, availableAt, 0, null))];
        await store.WriteRecordsAsync(writes, outbox, cancellationToken).ConfigureAwait(false);
        if (runHere && outbox.Count > 0) await dispatcher.DispatchAsync(outbox, cancellationToken).ConfigureAwait(false);
    }
}
