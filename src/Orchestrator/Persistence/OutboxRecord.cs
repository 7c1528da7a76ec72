namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Follow-up work a commit decided on (deliver a published event, resume a waiting parent, re-arm an instance's
/// timers, later notifications and SLA moves), written in the same transaction as the instance that decided it and
/// carried out at least once by the outbox dispatcher, then deleted. <see cref="AvailableAt"/> is when any node may
/// claim it (a claim moves it forward by a lease); <see cref="Attempts"/> and <see cref="LastError"/> make failing
/// work visible instead of dropping it.
/// </summary>
public sealed record OutboxRecord(
    string Id,
    string Kind,
    string? InstanceId,
    string PayloadJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset AvailableAt,
    int Attempts,
    string? LastError);
