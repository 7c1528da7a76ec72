using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Outbox;

/// <summary>The JSON payloads of the runtime's own outbox kinds.</summary>
public static class OutboxPayloads
{
    public sealed record DeliverEvent(string EventName, string? CorrelationId, JsonElement? Payload, string SourceInstanceId, DateTimeOffset PublishedAt);

    public sealed record ResumeParent(string ParentBookmarkId, string ChildInstanceId, InstanceStatus Status, JsonElement? Output);

    public sealed record ArmTimers(string InstanceId);

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, ElsaJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ElsaJson.Options)
        ?? throw new JsonException($"Empty {typeof(T).Name} payload.");

    /// <summary>Plain CLR data (dictionaries, lists, primitives) back from a stored JSON value.</summary>
    public static object? Plain(JsonElement? element) => element is { } value ? PlainJson.ToPlain(value) : null;

    public static JsonElement? Element(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value, ElsaJson.Options);
}
