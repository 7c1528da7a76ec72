namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Elsa's journal entry (<c>ExecutionLogRecord</c>). One Itsm journal row is one activity execution, so the
/// activity instance id is the row's id. <see cref="NodeId"/> is Elsa's name for the node id;
/// <see cref="ActivityNodeId"/> repeats it under the name other Elsa shapes use. <see cref="Actor"/> is Itsm's addition:
/// who resumed the step (a user name or an API key's name), absent when nobody did (starts, timers, events).
/// </summary>
public sealed record ExecutionLogRecordModel(
    string Id,
    string WorkflowInstanceId,
    string ActivityInstanceId,
    string? ParentActivityInstanceId,
    string ActivityId,
    string ActivityType,
    int ActivityTypeVersion,
    string? ActivityName,
    string NodeId,
    string ActivityNodeId,
    DateTimeOffset Timestamp,
    long Sequence,
    string EventName,
    string? Message,
    string? Source,
    IReadOnlyDictionary<string, object?>? Payload,
    string? Actor = null);
