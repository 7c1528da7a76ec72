namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// A failed activity on an instance (Elsa's "incident"; in Itsm an incident is an ITIL record, so: fault).
/// Resolved when the instance is retried past it or cancelled.
/// </summary>
public sealed record FaultRecord(
    string Id,
    string InstanceId,
    string ActivityId,
    string ActivityType,
    string Message,
    string? ExceptionType,
    DateTimeOffset OccurredAt,
    DateTimeOffset? ResolvedAt);
