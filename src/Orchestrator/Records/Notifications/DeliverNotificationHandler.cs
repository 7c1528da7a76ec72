using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Records.Notifications;

/// <summary>
/// Delivers a notification record through the configured channels (<see cref="NotificationOptions"/>). Every attempt is
/// appended to the record's <c>attempts</c> (time, channel, status code or error) before the outcome is decided, so a
/// failure is visible on the notification, and the outbox retries it with its back-off. Idempotent: a delivered
/// notification is left alone, and a channel that already took it (<c>deliveredVia</c>) is not used again on a retry.
/// </summary>
public sealed partial class DeliverNotificationHandler(
    IWorkflowStore store,
    IHttpClientFactory httpClients,
    IOptions<NotificationOptions> options,
    NotificationRouting routing,
    TimeProvider clock,
    ILogger<DeliverNotificationHandler> logger) : IOutboxHandler
{
    public const string HttpClientName = "itsm-notifications";
    private const string Actor = "notifications";
    private const string Attempts = "attempts";
    private const string DeliveredVia = "deliveredVia";

    public string Kind => NotificationDelivery.OutboxKind;

    public async Task HandleAsync(OutboxRecord item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payload = JsonSerializer.Deserialize<NotificationDelivery.Payload>(item.PayloadJson, JsonSerializerOptions.Web)
            ?? throw new JsonException("Empty notification delivery payload.");
        var stored = await store.FindRecordAsync(RecordTypes.Notification, payload.RecordId, cancellationToken).ConfigureAwait(false);
        if (stored is null || JsonNode.Parse(stored.DataJson) is not JsonObject data) return;
        var status = data[RecordFields.Status]?.GetValue<string>();
        if (status != NotificationDelivery.Pending) return;

        var requested = NotificationRouting.RequestedChannel(data);
        var channels = routing.ChannelsFor(requested);
        if (channels.Count == 0)
        {
            // Written pending while a channel took it, which has gone since (the host was reconfigured): kept and listed
            // as undelivered, never dropped. Without a channel at write time it was committed undelivered already.
            routing.MarkUndelivered(data, payload.RecordId, requested);
            await SaveAsync(stored, data, cancellationToken).ConfigureAwait(false);
            return;
        }

        var attempts = data[Attempts] as JsonArray ?? [];
        data[Attempts] = attempts;
        var deliveredVia = data[DeliveredVia] as JsonArray ?? [];
        data[DeliveredVia] = deliveredVia;
        string? failure = null;
        foreach (var channel in channels)
        {
            var channelName = channel.EffectiveName;
            if (deliveredVia.Any(n => n?.GetValue<string>() == channelName)) continue;
            var attempt = new JsonObject { ["at"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ["channel"] = channelName };
            var error = await DeliverAsync(channel, stored.RecordId, data, attempt, cancellationToken).ConfigureAwait(false);
            attempts.Add(attempt);
            if (error is null) deliveredVia.Add(channelName);
            else failure ??= $"Channel '{channelName}': {error}";
        }

        if (failure is null)
        {
            data[RecordFields.Status] = NotificationDelivery.Delivered;
            data["deliveredAt"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        }

        await SaveAsync(stored, data, cancellationToken).ConfigureAwait(false);
        // Throwing keeps the outbox row: it is tried again after the back-off, still pending.
        if (failure is not null) throw new HttpRequestException(failure);
    }

    /// <summary>Sends through one channel; null on success, else what went wrong (also written on <paramref name="attempt"/>).</summary>
    private async Task<string?> DeliverAsync(NotificationChannelOptions channel, string recordId, JsonObject data, JsonObject attempt, CancellationToken cancellationToken)
    {
        if (channel.Kind == NotificationChannelKinds.Log)
        {
            var (recipient, subject) = (data["recipient"]?.ToString(), data["subject"]?.ToString());
            LogNotification(logger, recordId, recipient, subject);
            attempt["status"] = "logged";
            return null;
        }

        var message = new JsonObject
        {
            ["id"] = recordId,
            [RecordFields.Number] = data[RecordFields.Number]?.DeepClone(),
            ["recipient"] = data["recipient"]?.DeepClone(),
            ["subject"] = data["subject"]?.DeepClone(),
            ["body"] = data["body"]?.DeepClone(),
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.HttpTimeout);
            using var response = await httpClients.CreateClient(HttpClientName)
                .PostAsJsonAsync(channel.Url, message, timeout.Token).ConfigureAwait(false);
            attempt["statusCode"] = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return null;
            var error = $"HTTP {(int)response.StatusCode}";
            attempt["error"] = error;
            return error;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = ex is OperationCanceledException ? "timed out" : ex.Message;
            attempt["error"] = error;
            return error;
        }
    }

    private Task SaveAsync(StoredRecord stored, JsonObject data, CancellationToken cancellationToken) =>
        store.WriteRecordsAsync(
            [new RecordWrite(stored.RecordType, stored.RecordId, data.ToJsonString(), "", "", clock.GetUtcNow()) { Actor = Actor }],
            [], cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {RecordId} to {Recipient}: {Subject}")]
    private static partial void LogNotification(ILogger logger, string recordId, string? recipient, string? subject);
}
