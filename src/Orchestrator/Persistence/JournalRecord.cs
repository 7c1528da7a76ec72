namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// One activity execution in an instance's history (append-only). <see cref="Sequence"/> orders the rows of
/// one instance; the store assigns the global row id. <see cref="EventName"/> is Elsa's journal word:
/// Completed, Suspended, Resumed, Faulted, Cancelled. <see cref="Tags"/> holds the step's ITIL tags
/// (value-chain activities, practices, roles) as compact JSON once the activity library supplies them.
/// <see cref="Actor"/> names who caused the row when a person or system resumed the step (a user name or
/// an API key's name); null for rows written by starts, timers and events. <see cref="Data"/> is the step's
/// evaluated inputs and output as compact, size-capped JSON (<c>{"activityState":{…},"outputs":{…}}</c>), or null.
/// </summary>
public sealed record JournalRecord(
    string InstanceId,
    long Sequence,
    string ActivityId,
    string ActivityType,
    string? ActivityName,
    string EventName,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    string? Summary,
    string? Tags,
    string? Actor = null,
    string? Data = null);
