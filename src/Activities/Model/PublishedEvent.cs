namespace Itsm.Activities.Model;

/// <summary>An event a workflow published (Elsa.PublishEvent); delivered by the runtime after the burst commits.</summary>
public sealed record PublishedEvent(string EventName, string? CorrelationId, object? Payload, string SourceInstanceId);
