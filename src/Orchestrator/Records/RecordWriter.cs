using System.Text.Json.Nodes;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records.Notifications;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// Record changes made outside a step: by a person through the API or by the host (the demo estate). They commit
/// through the store like a step's, with links, history (the actor instead of an instance and step) and the same
/// follow-up work (a pending notification is delivered), in one transaction.
/// </summary>
public sealed class RecordWriter(IWorkflowStore store, TimeProvider clock)
{
    /// <summary>A change of <paramref name="recordType"/> <paramref name="recordId"/> by <paramref name="actor"/>, stamped now.</summary>
    public RecordWrite ByHand(string recordType, string recordId, JsonObject data, string actor)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RecordWrite(recordType, recordId, data.ToJsonString(), "", "", clock.GetUtcNow()) { Actor = actor };
    }

    public Task WriteAsync(IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var now = clock.GetUtcNow();
        return store.WriteRecordsAsync(writes, RecordFollowUps.Append([], writes, null, now, now), cancellationToken);
    }
}
