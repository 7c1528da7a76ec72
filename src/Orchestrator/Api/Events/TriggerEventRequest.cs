using System.Text.Json;

namespace Itsm.Orchestrator.Api.Events;

/// <summary>Elsa's event trigger body: narrow delivery by correlation id or instance id; <see cref="Input"/> is the event's payload.</summary>
public sealed record TriggerEventRequest(string? CorrelationId, string? WorkflowInstanceId, JsonElement? Input);
