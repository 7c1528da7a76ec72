using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.Outbox;

/// <summary>One piece of pending or failing follow-up work, as operators see it (the payload stays internal).</summary>
public sealed record OutboxItemModel(
    string Id,
    string Kind,
    string? InstanceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    int FailedAttempts,
    string? LastError)
{
    public static OutboxItemModel From(OutboxRecord record) => new(record.Id, record.Kind, record.InstanceId, record.CreatedAt,
        record.AvailableAt, record.Attempts, record.LastError);
}
