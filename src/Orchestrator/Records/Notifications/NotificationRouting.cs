using System.Text.Json.Nodes;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Records.Notifications;

/// <summary>
/// Which configured channels take a notification, decided where it is written. A pending notification that no channel
/// takes is committed <c>undelivered</c> in the transaction that writes it, with no delivery round after it: that round
/// (a read, a second write and a history row, the outbox row's removal) was a third of the single SQLite writer's time
/// per A.1.1 webhook start on a host without channels, the default.
/// </summary>
public sealed partial class NotificationRouting(IOptions<NotificationOptions> options, ILogger<NotificationRouting> logger)
{
    private int _warned;

    /// <summary>The channels that take a notification asking for <paramref name="requested"/> (null: any channel).</summary>
    public IReadOnlyList<NotificationChannelOptions> ChannelsFor(string? requested) =>
        [.. options.Value.Channels.Where(c => requested is null || c.EffectiveName == requested || c.Kind == requested)];

    /// <summary>
    /// <paramref name="records"/> with every pending notification no channel takes written <c>undelivered</c> instead;
    /// the same list when there is none (the common case allocates nothing).
    /// </summary>
    public IReadOnlyList<RecordWrite> Settle(IReadOnlyList<RecordWrite> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<RecordWrite>? settled = null;
        for (var i = 0; i < records.Count; i++)
        {
            var write = records[i];
            if (!NotificationDelivery.IsDue(write) || JsonNode.Parse(write.DataJson!) is not JsonObject data) continue;
            var requested = RequestedChannel(data);
            if (ChannelsFor(requested).Count > 0) continue;
            MarkUndelivered(data, write.RecordId, requested);
            settled ??= [.. records];
            settled[i] = write with { DataJson = data.ToJsonString() };
        }

        return settled ?? records;
    }

    /// <summary>The channel a notification's data asks for; null for any.</summary>
    public static string? RequestedChannel(JsonObject data) =>
        data["channel"] is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > 0 ? name : null;

    /// <summary>
    /// Marks a notification's data <c>undelivered</c> and logs it: once per node at Warning (the set-up is missing),
    /// then at Debug. A warning per notification made console logging the bottleneck of A.1.1's webhook starts (173/s
    /// with it, 600/s without).
    /// </summary>
    public void MarkUndelivered(JsonObject data, string recordId, string? requested)
    {
        ArgumentNullException.ThrowIfNull(data);
        data[RecordFields.Status] = NotificationDelivery.Undelivered;
        if (Interlocked.Exchange(ref _warned, 1) == 0) LogUndelivered(logger, recordId, requested);
        else LogStillUndelivered(logger, recordId, requested);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {RecordId} stays undelivered: no channel configured (channel asked for: {Channel}); later ones are logged at Debug")]
    private static partial void LogUndelivered(ILogger logger, string recordId, string? channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {RecordId} stays undelivered: no channel configured (channel asked for: {Channel})")]
    private static partial void LogStillUndelivered(ILogger logger, string recordId, string? channel);
}
