using System.Text.Json;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Persistence;
using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Records.Notifications;

/// <summary>
/// The notification record's lifecycle: written <c>pending</c> (by NotifyStakeholder), delivered after its commit by
/// <see cref="DeliverNotificationHandler"/>, then <c>delivered</c>, or <c>undelivered</c> when no channel takes it.
/// </summary>
public static class NotificationDelivery
{
    public const string OutboxKind = "notification.deliver";

    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";

    /// <summary>The payload of a delivery's outbox row.</summary>
    public sealed record Payload(string RecordId);

    /// <summary>A notification written as pending calls for a delivery.</summary>
    public static bool IsDue(RecordWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write.RecordType == RecordTypes.Notification && !write.IsDelete && write.Projection.Status == Pending;
    }

    public static OutboxRecord OutboxRow(string recordId, string? instanceId, DateTimeOffset now, DateTimeOffset availableAt) =>
        new(Ids.New(), OutboxKind, instanceId, JsonSerializer.Serialize(new Payload(recordId), JsonSerializerOptions.Web), now, availableAt, 0, null);
}
