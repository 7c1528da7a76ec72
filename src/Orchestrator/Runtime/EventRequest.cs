namespace Itsm.Orchestrator.Runtime;

/// <summary>An event for the instances waiting on <c>Elsa.Event</c> with this name (and workflows it triggers).</summary>
public sealed record EventRequest(string EventName)
{
    public string? CorrelationId { get; init; }
    public string? InstanceId { get; init; }
    public object? Input { get; init; }
    /// <summary>Only waits that existed at this time are resumed (a redelivered event cannot resume later waits).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Set for deliveries of the outbox: instances the event starts get ids derived from it, so a redelivery starts none twice.</summary>
    public string? DeliveryId { get; init; }
}
