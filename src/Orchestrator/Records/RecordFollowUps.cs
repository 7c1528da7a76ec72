using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records.Notifications;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// The follow-up work record writes call for, added to the outbox rows of the commit that writes them (the same
/// transaction): today, the delivery of each notification written as <c>pending</c>.
/// </summary>
public static class RecordFollowUps
{
    /// <summary>
    /// <paramref name="outbox"/> with the rows <paramref name="records"/> call for; the same list when they call for none
    /// (the common case on the hot path allocates nothing).
    /// </summary>
    public static IReadOnlyList<OutboxRecord> Append(IReadOnlyList<OutboxRecord> outbox, IReadOnlyList<RecordWrite> records, string? instanceId,
        DateTimeOffset now, DateTimeOffset availableAt)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(records);
        List<OutboxRecord>? rows = null;
        foreach (var record in records)
        {
            if (NotificationDelivery.IsDue(record))
                (rows ??= [.. outbox]).Add(NotificationDelivery.OutboxRow(record.RecordId, instanceId, now, availableAt));
        }

        return rows ?? outbox;
    }
}
