namespace Itsm.Orchestrator.Runtime;

/// <summary>An event for the instances waiting on <c>Elsa.Event</c> with this name (and workflows it triggers).</summary>
public sealed record EventRequest(string EventName)
{
    public string? CorrelationId { get; init; }
    public string? InstanceId { get; init; }
    public object? Input { get; init; }
}
